using Vigil.Contracts.Events.V1;
using Vigil.Contracts.V1;
using Vigil.Grains.Entities;
using Vigil.Scenarios;

namespace Vigil.Sensor.Client.Tests;

/// <summary>Scenario traces as a sensor sends them: envelopes, batches of a few events, and the hello before them.</summary>
public static class SensorBatches
{
    public static SensorHello Hello(string cluster, string incarnation = "i-1") =>
        new() { SensorId = "sensor/node-1", Node = "node-1", Cluster = cluster, Version = "test/1", Incarnation = incarnation };

    public static string PodKey(ScenarioTrace trace) => EntityKeys.Pod(trace.Pod.Cluster, trace.Pod.Namespace, trace.Pod.Uid);

    /// <summary>The trace's runtime events then its audit events, numbered from 1, in batches of <paramref name="size"/>.</summary>
    public static IReadOnlyList<EventEnvelope[]> Of(ScenarioTrace trace, int size)
    {
        ulong id = 0;
        var envelopes = trace.Runtime.Select(e => new EventEnvelope { EventId = ++id, Runtime = e.Clone() })
            .Concat(trace.Audit.Select(e => new EventEnvelope { EventId = ++id, Audit = e.Clone() }));
        return [.. envelopes.Chunk(size)];
    }

    public static EventBatch Batch(ulong sequence, IEnumerable<EventEnvelope> events)
    {
        var batch = new EventBatch { Sequence = sequence };
        batch.Events.AddRange(events);
        return batch;
    }

    public static SensorMessage Message(SensorHello hello) => new() { Hello = hello };

    public static SensorMessage Message(EventBatch batch) => new() { Batch = batch };
}
