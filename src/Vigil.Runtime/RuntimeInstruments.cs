using System.Diagnostics.Metrics;

namespace Vigil.Runtime;

/// <summary>The runtime's metrics, under the meter <c>Vigil.Runtime</c>.</summary>
public sealed class RuntimeInstruments : IDisposable
{
    public const string MeterName = "Vigil.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsDeactivated;
    private readonly Counter<long> _calls;
    private readonly Histogram<int> _flushSize;
    private readonly Histogram<double> _flushDuration;

    public RuntimeInstruments(IMeterFactory meterFactory, Func<long> activations, Func<long> mailboxDepth, Func<long> commitQueueDepth)
    {
        _meter = meterFactory.Create(MeterName);
        _activationsCreated = _meter.CreateCounter<long>("vigil.runtime.activations.created", description: "Activations created");
        _activationsDeactivated = _meter.CreateCounter<long>("vigil.runtime.activations.deactivated", description: "Activations deactivated");
        _calls = _meter.CreateCounter<long>("vigil.runtime.calls", description: "Grain calls made (rate: calls per second)");
        _flushSize = _meter.CreateHistogram<int>("vigil.runtime.commit.flush.size", "{write}", "Writes per group-commit transaction");
        _flushDuration = _meter.CreateHistogram<double>("vigil.runtime.commit.flush.duration", "ms", "Group-commit transaction time, from BEGIN to COMMIT returning");
        _meter.CreateObservableGauge("vigil.runtime.activations", activations, description: "Activations in memory");
        _meter.CreateObservableGauge("vigil.runtime.mailbox.depth", mailboxDepth, description: "Work items waiting in all mailboxes");
        _meter.CreateObservableGauge("vigil.runtime.commit.queue.depth", commitQueueDepth, description: "Writes waiting for the next group commit");
    }

    /// <summary>This runtime's meter: each silo in a process has its own, so their figures stay apart.</summary>
    public Meter Meter => _meter;

    public void ActivationCreated() => _activationsCreated.Add(1);

    public void ActivationDeactivated() => _activationsDeactivated.Add(1);

    public void Call() => _calls.Add(1);

    public void Flushed(int size, TimeSpan duration)
    {
        _flushSize.Record(size);
        _flushDuration.Record(duration.TotalMilliseconds);
    }

    public void Dispose() => _meter.Dispose();
}
