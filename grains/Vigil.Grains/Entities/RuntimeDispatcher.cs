using Vigil.Contracts.Events.V1;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>
/// Sends a batch of runtime events to the pods they belong to: one call per pod with its events in their original
/// order, all pods at once. Completes when every pod has committed, so an ingester that acknowledges after this
/// loses nothing it acknowledged. Events of host processes (no pod) are counted, not yet judged: node-level
/// detection is still to come.
/// </summary>
public sealed class RuntimeDispatcher(IGrainFactory grains)
{
    /// <summary>Dispatches the batch; returns how many events had no pod to go to.</summary>
    public async Task<int> DispatchAsync(string cluster, IReadOnlyList<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byPod = new Dictionary<string, List<RuntimeEvent>>(StringComparer.Ordinal);
        var hostEvents = 0;
        foreach (var value in events)
        {
            value.Context ??= new EventContext();
            if (value.Context.Cluster.Length == 0)
            {
                value.Context.Cluster = cluster;
            }
            if (EntityKeys.Pod(value.Context) is not { } key)
            {
                hostEvents++;
                continue;
            }
            if (!byPod.TryGetValue(key, out var group))
            {
                group = [];
                byPod.Add(key, group);
            }
            group.Add(value);
        }
        await Task.WhenAll(byPod.Select(p => grains.GetGrain<IPodGrain>(p.Key).ObserveAsync(p.Value)));
        return hostEvents;
    }
}
