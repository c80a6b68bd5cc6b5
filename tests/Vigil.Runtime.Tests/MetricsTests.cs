using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Vigil.Runtime.Tests.Grains;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Activations_calls_queue_depths_and_flushes_are_reported()
    {
        using var storage = TestStorage.Create(TestStorage.Sqlite);
        await using var silo = await TestSilo.StartAsync(storage);
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeInstruments.MeterName && ReferenceEquals(instrument.Meter, MeterOf(silo)))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => seen.AddOrUpdate(i.Name, value, (_, old) => old + value));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => seen.AddOrUpdate(i.Name, value, (_, old) => old + value));
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => seen.AddOrUpdate(i.Name, value, (_, old) => old + value));
        listener.Start();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => silo.Grains.GetGrain<INoteGrain>($"metrics-{i}").SetAsync("x")));
        listener.RecordObservableInstruments();

        Assert.Equal(10, seen["vigil.runtime.activations.created"]);
        Assert.Equal(10, seen["vigil.runtime.calls"]);
        Assert.Equal(10, seen["vigil.runtime.activations"]);
        Assert.Equal(10, seen["vigil.runtime.commit.flush.size"]);
        Assert.True(seen["vigil.runtime.commit.flush.duration"] > 0);
        Assert.Equal(0, seen["vigil.runtime.mailbox.depth"]);
        Assert.Equal(0, seen["vigil.runtime.commit.queue.depth"]);
    }

    private static Meter MeterOf(TestSilo silo) => silo.Runtime.Instruments.Meter;
}
