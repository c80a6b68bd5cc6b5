using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Benchmarks.Cluster;
using Vigil.Grains.Alerts;
using Vigil.Sensor.Client;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Sensor streams into one silo, each a <see cref="SensorIngestClient"/> sending its feed as fast as acks allow, or
/// paced at a given total rate. Throughput counts only acknowledged events; an attack event is restamped with a
/// unique time before it is sent, so the alert whose evidence carries that time is matched to the moment its batch
/// was sent. As fast as acks allow, the window keeps a fixed number of events queued, so the ack latency is that
/// number over the throughput (Little's law) whatever the silo does; paced, the latency is the silo's at that rate,
/// measured from when each batch was due, so a stream that falls behind counts its lateness too.
/// </summary>
public static class IngestLoad
{
    /// <summary>Unacknowledged batches per stream: Little's law makes this times the streams times the batch size the events queued, so it sets the ack latency.</summary>
    public const int Window = 4;

    private static long _unique;

    /// <summary>Runs every feed as one stream for <paramref name="duration"/>; <paramref name="eventsPerSecond"/> paces them in all (0: as fast as acks allow).</summary>
    public static async Task<IngestRound> RunAsync(
        Uri address, string cluster, IReadOnlyList<SensorFeed> feeds, TimeSpan duration, AlertFeed? alerts, string? token, double eventsPerSecond = 0)
    {
        var attackSent = new ConcurrentDictionary<long, long>();
        var alertLatencies = new ConcurrentBag<double>();
        using var subscription = alerts?.Subscribe(65_536);
        using var stop = new CancellationTokenSource();
        var matcher = subscription is null ? Task.CompletedTask : MatchAlertsAsync(subscription, attackSent, alertLatencies, stop.Token);
        var incarnation = Guid.NewGuid().ToString("N")[..8];
        var clients = feeds.Select((feed, i) => SensorIngestClient.Start(new SensorIngestClientOptions
        {
            Address = address,
            SensorId = "sensor/" + feed.Node,
            Node = feed.Node,
            Cluster = cluster,
            Incarnation = $"{incarnation}-{i}",
            Token = token,
            MaxUnacknowledgedBatches = Window,
        })).ToArray();
        (long Events, List<double> Latencies, int Attacks, TimeSpan At)[] results;
        try
        {
            await ConnectedAsync(clients);
            var clock = Stopwatch.StartNew();
            var origin = Stopwatch.GetTimestamp();
            var pacing = feeds.Select((feed, i) => Pacing.For(eventsPerSecond, feed.BatchSize, i, feeds.Count, origin)).ToArray();
            results = await Task.WhenAll(feeds.Select((feed, i) => Task.Run(() => StreamAsync(clients[i], feed, duration, clock, attackSent, pacing[i]))));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
        var elapsed = results.Max(r => r.At).TotalSeconds;
        if (subscription is not null)
        {
            // Alerts of the last batches are published just after their acks: look again every 10 ms, for at most 1 s, until each is matched.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            while (!attackSent.IsEmpty && !grace.IsCancellationRequested)
            {
                await Task.Delay(10, CancellationToken.None);
            }
        }
        await stop.CancelAsync();
        await matcher;

        var acks = results.SelectMany(r => r.Latencies).ToArray();
        var alertMs = alertLatencies.ToArray();
        return new IngestRound(
            results.Sum(r => r.Events) / elapsed,
            Percentile.Of(acks, 0.5), Percentile.Of(acks, 0.99),
            alertMs.Length == 0 ? double.NaN : Percentile.Of(alertMs, 0.5), alertMs.Length == 0 ? double.NaN : Percentile.Of(alertMs, 0.99),
            alertMs.Length, results.Sum(r => r.Attacks));
    }

    /// <summary>
    /// Waits (polling every 5 ms, for at most 10 s) until every stream has been welcomed, so the clock starts on
    /// connected sensors: a sensor connects once and then streams, and its connection is not a batch's latency.
    /// </summary>
    private static async Task ConnectedAsync(SensorIngestClient[] clients)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (clients.Any(c => c.Connections == 0))
        {
            if (patience.IsCancellationRequested)
            {
                throw new InvalidOperationException("A sensor stream was not welcomed within 10 s: " + clients.First(c => c.Connections == 0).LastError?.Message);
            }
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private static async Task<(long Events, List<double> Latencies, int Attacks, TimeSpan At)> StreamAsync(
        SensorIngestClient client, SensorFeed feed, TimeSpan duration, Stopwatch clock, ConcurrentDictionary<long, long> attackSent, Pacing pacing)
    {
        var sentAt = new ConcurrentDictionary<ulong, (long Timestamp, int Events)>();
        var latencies = new List<double>();
        long events = 0;
        ulong acknowledged = 0;
        var attacks = 0;
        client.Acknowledged += through =>
        {
            var now = Stopwatch.GetTimestamp();
            lock (latencies)
            {
                for (var s = acknowledged + 1; s <= through; s++)
                {
                    if (sentAt.TryRemove(s, out var sent))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent.Timestamp, now).TotalMilliseconds);
                        events += sent.Events;
                    }
                }
                acknowledged = Math.Max(acknowledged, through);
            }
        };

        var due = pacing.Offset;
        while (clock.Elapsed < duration)
        {
            if (pacing.Interval > TimeSpan.Zero)
            {
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            var (batch, attackEvents) = feed.Next();
            // Paced, latency runs from when the batch was due: a late send is the silo holding the sensor back.
            var now = pacing.Interval > TimeSpan.Zero
                ? Math.Min(Stopwatch.GetTimestamp(), pacing.Timestamp(due))
                : Stopwatch.GetTimestamp();
            due += pacing.Interval;
            foreach (var attack in attackEvents)
            {
                // Unique per attack, in 100 ns ticks as evidence keeps it.
                var ticks = DateTimeOffset.UtcNow.UtcTicks + Interlocked.Increment(ref _unique);
                attack.Runtime.Context.TimeUnixNano = (ticks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
                attackSent[ticks] = now;
                attacks++;
            }
            var sequence = client.LastSequence + 1;
            sentAt[sequence] = (now, batch.Length);
            await client.SendAsync(batch);
        }
        // What is still in flight at the deadline does not count; it is waited for (at most 10 s), so the next
        // round starts on a silo with nothing of this one left to commit.
        (long, List<double>, int, TimeSpan) result;
        lock (latencies)
        {
            result = (events, [.. latencies], attacks, clock.Elapsed);
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.FlushAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return result;
    }

    private static async Task MatchAlertsAsync(AlertSubscription subscription, ConcurrentDictionary<long, long> attackSent, ConcurrentBag<double> latencies, CancellationToken stop)
    {
        try
        {
            await foreach (var alert in subscription.Reader.ReadAllAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var evidence in alert.Evidence)
                {
                    if (attackSent.TryRemove(evidence.Time.UtcTicks, out var sent))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
