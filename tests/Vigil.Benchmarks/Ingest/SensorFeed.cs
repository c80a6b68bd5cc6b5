using Vigil.Benchmarks.Detection;
using Vigil.Contracts.Events.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// One node's sensor: pre-built batches of its pods' events (each batch a few pods' runs of activity, as a node's
/// busy pods report together), replayed in turn, so that building events costs nothing in the timed loop.
/// </summary>
public sealed class SensorFeed
{
    private readonly EventEnvelope[][] _batches;
    private readonly EventEnvelope[][] _attacks;
    private int _next;

    private SensorFeed(string node, EventEnvelope[][] batches, EventEnvelope[][] attacks)
    {
        Node = node;
        _batches = batches;
        _attacks = attacks;
    }

    public string Node { get; }

    /// <summary>Events per batch.</summary>
    public int BatchSize => _batches[0].Length;

    public static SensorFeed Create(string cluster, int sensor, int pods, int podsPerBatch, int batchSize, int batches, int seed)
    {
        var mixes = Enumerable.Range(0, pods).Select(p => new RuntimeEventMix(SyntheticPod.Create(cluster, sensor * pods + p), seed + sensor * pods + p)).ToArray();
        var random = new Random(seed + sensor);
        var built = new EventEnvelope[batches][];
        var attacks = new EventEnvelope[batches][];
        ulong id = 0;
        for (var b = 0; b < batches; b++)
        {
            var envelopes = new List<EventEnvelope>(batchSize);
            var chosen = Enumerable.Range(0, podsPerBatch).Select(_ => mixes[random.Next(pods)]).ToArray();
            var found = new List<EventEnvelope>();
            for (var i = 0; i < batchSize; i++)
            {
                var mix = chosen[i * podsPerBatch / batchSize];
                var before = mix.Malicious;
                var envelope = new EventEnvelope { EventId = ++id, Runtime = mix.Next() };
                envelopes.Add(envelope);
                if (mix.Malicious > before)
                {
                    found.Add(envelope);
                }
            }
            built[b] = [.. envelopes];
            attacks[b] = [.. found];
        }
        return new SensorFeed($"node-{sensor}", built, attacks);
    }

    /// <summary>The next batch, and its attack events (whose times the caller may restamp before sending).</summary>
    public (EventEnvelope[] Events, EventEnvelope[] Attacks) Next()
    {
        var index = _next;
        _next = (_next + 1) % _batches.Length;
        return (_batches[index], _attacks[index]);
    }
}
