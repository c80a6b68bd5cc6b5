using Vigil.Contracts.Events.V1;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>
/// Sends a batch of runtime events to the pods they belong to: one call per pod with its events in their original
/// order, all pods at once. Completes when every pod has committed, so an ingester that acknowledges after this
/// loses nothing it acknowledged. Events of host processes (no pod uid) go to their node's grain, the same way.
/// </summary>
public sealed class RuntimeDispatcher(IGrainFactory grains)
{
    /// <summary>
    /// Dispatches the batch; returns how many events were of host processes (sent to their nodes). With an <paramref name="origin"/> each pod
    /// applies its share at most once, so a sender may replay a batch it was not sure of. Batches of one sender
    /// must be dispatched in the order sent (each call may be started before the last completes: calls reach a
    /// grain in the order made).
    /// </summary>
    public Task<int> DispatchAsync(string cluster, IReadOnlyList<RuntimeEvent> events, BatchOrigin? origin = null)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(events);
            // Started apart from the wait, so that waiting for the commits holds no reference to the events: the
            // grains are done with them well before their commits are durable, and a batch kept alive that long
            // was most of what every garbage collection had to copy.
            var (calls, hostEvents) = Start(cluster, events, origin);
            return WhenCommittedAsync(calls, hostEvents);
        }
        catch (Exception ex)
        {
            return Task.FromException<int>(ex);
        }
    }

    private static async Task<int> WhenCommittedAsync(Task[] calls, int hostEvents)
    {
        await Task.WhenAll(calls);
        return hostEvents;
    }

    private (Task[] Calls, int HostEvents) Start(string cluster, IReadOnlyList<RuntimeEvent> events, BatchOrigin? origin)
    {
        var byPod = new Dictionary<string, List<RuntimeEvent>>(StringComparer.Ordinal);
        var byNode = new Dictionary<string, List<RuntimeEvent>>(StringComparer.Ordinal);
        var hostEvents = 0;
        foreach (var value in events)
        {
            value.Context ??= new EventContext();
            if (value.Context.Cluster.Length == 0)
            {
                value.Context.Cluster = cluster;
            }
            if (EntityKeys.Pod(value.Context) is { } key)
            {
                Add(byPod, key, value);
            }
            else
            {
                // A host event from a sensor that did not name its node has nowhere to be judged but "unknown".
                Add(byNode, EntityKeys.Node(value.Context.Cluster, value.Context.Node.Length > 0 ? value.Context.Node : "(unknown)"), value);
                hostEvents++;
            }
        }
        var calls = byPod.Select(p => origin is null
                ? grains.GetGrain<IPodGrain>(p.Key).ObserveAsync(p.Value)
                : grains.GetGrain<IPodGrain>(p.Key).ObserveBatchAsync(origin, p.Value))
            .Concat(byNode.Select(n => origin is null
                ? grains.GetGrain<INodeGrain>(n.Key).ObserveHostAsync(n.Value)
                : grains.GetGrain<INodeGrain>(n.Key).ObserveHostBatchAsync(origin, n.Value)))
            .ToArray();
        return (calls, hostEvents);
    }

    private static void Add(Dictionary<string, List<RuntimeEvent>> groups, string key, RuntimeEvent value)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = [];
            groups.Add(key, group);
        }
        group.Add(value);
    }
}
