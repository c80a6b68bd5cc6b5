using Vigil.Contracts.Events.V1;
using Vigil.Contracts.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Runtime;

namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>
/// Sends a validated batch's events where they belong: runtime events to their pods, audit events to their
/// identities (both carrying the batch's origin, so each grain applies the batch at most once), inventory
/// snapshots to the cluster. Every grain call is made before this returns, which is what keeps one sender's
/// batches in order at each grain; the task completes once every grain has committed.
/// </summary>
public sealed class SensorBatchDispatcher(RuntimeDispatcher runtime, AuditDispatcher audit, IGrainFactory grains, EventRateMeter meter)
{
    public Task DispatchAsync(SensorHello hello, EventBatch batch)
    {
        try
        {
            return Dispatch(hello, batch);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private Task Dispatch(SensorHello hello, EventBatch batch)
    {
        List<RuntimeEvent>? runtimeEvents = null;
        List<AuditEvent>? auditEvents = null;
        List<Task>? work = null;
        foreach (var envelope in batch.Events)
        {
            switch (envelope.PayloadCase)
            {
                case EventEnvelope.PayloadOneofCase.Runtime:
                    (runtimeEvents ??= new List<RuntimeEvent>(batch.Events.Count)).Add(envelope.Runtime);
                    break;
                case EventEnvelope.PayloadOneofCase.Audit:
                    (auditEvents ??= []).Add(envelope.Audit);
                    break;
                case EventEnvelope.PayloadOneofCase.Inventory:
                    // Snapshots have no origin to de-duplicate on; applying one again leaves the same inventory.
                    envelope.Inventory.Cluster = hello.Cluster;
                    (work ??= []).Add(grains.GetGrain<IClusterGrain>(EntityKeys.Cluster(hello.Cluster)).ApplyInventoryAsync(envelope.Inventory));
                    break;
                default:
                    // Admission reviews come through the webhook, and a case newer than this silo is acknowledged, not an error.
                    break;
            }
        }

        var origin = new BatchOrigin(hello.SensorId, hello.Incarnation, batch.Sequence);
        if (runtimeEvents is not null)
        {
            (work ??= []).Add(runtime.DispatchAsync(hello.Cluster, runtimeEvents, origin));
        }
        if (auditEvents is not null)
        {
            (work ??= []).Add(audit.DispatchAsync(hello.Cluster, auditEvents, origin));
        }
        var done = work switch
        {
            null => Task.CompletedTask,
            [var only] => only,
            _ => Task.WhenAll(work),
        };
        var events = (runtimeEvents?.Count ?? 0) + (auditEvents?.Count ?? 0);
        return events == 0 ? done : CountWhenDone(done, events);
    }

    /// <summary>Counts the batch's events for the operators' rate once they are committed, as HTTP ingestion does.</summary>
    private async Task CountWhenDone(Task done, int events)
    {
        await done.ConfigureAwait(false);
        meter.Add(events);
    }
}
