using Vigil.Runtime;

namespace Vigil.Grains.Topology;

/// <summary>
/// Keeps its pods and service accounts and tells the cluster's directory the first time it hears of something, so
/// the cluster can list its namespaces and nodes without holding every pod. Calls flow pod → namespace → cluster
/// directory, one way.
/// </summary>
public sealed class NamespaceGrain : Grain<NamespaceState>, INamespaceGrain
{
    public const int MaxPods = 5000;
    public const int MaxServiceAccounts = 2000;

    public async Task NotePodAsync(PodSighting sighting)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        Identify();
        var isNew = !State.Pods.TryGetValue(sighting.Name, out var known) || known.Uid != sighting.Uid;
        var nodeChanged = known is null || known.Node != sighting.Node;
        BoundedMap.MakeRoom(State.Pods, sighting.Name, MaxPods, p => p.LastSeen);
        State.Pods[sighting.Name] = isNew
            ? new PodEntry(sighting.Name, sighting.Uid, sighting.Node, sighting.SeenAt, sighting.SeenAt)
            : known! with { Node = sighting.Node.Length > 0 ? sighting.Node : known.Node, LastSeen = sighting.SeenAt };
        await WriteStateAsync();
        if (isNew || nodeChanged)
        {
            await Directory().NoteAsync(State.Namespace, sighting.Node);
        }
    }

    public async Task NoteServiceAccountAsync(string name, DateTimeOffset seenAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Identify();
        var isNew = !State.ServiceAccounts.ContainsKey(name);
        BoundedMap.MakeRoom(State.ServiceAccounts, name, MaxServiceAccounts, lastSeen => lastSeen);
        State.ServiceAccounts[name] = seenAt;
        await WriteStateAsync();
        if (isNew)
        {
            await Directory().NoteAsync(State.Namespace, "");
        }
    }

    public Task<PodEntry?> FindPodAsync(string name) => Task.FromResult(State.Pods.GetValueOrDefault(name));

    public Task<NamespaceView> GetAsync() => Task.FromResult(new NamespaceView(
        State.Cluster, State.Namespace,
        [.. State.Pods.Values.OrderBy(p => p.Name, StringComparer.Ordinal)],
        [.. State.ServiceAccounts.Keys.Order(StringComparer.Ordinal)]));

    private void Identify()
    {
        if (State.Cluster.Length == 0)
        {
            var slash = Key.IndexOf('/', StringComparison.Ordinal);
            State.Cluster = Key[..slash];
            State.Namespace = Key[(slash + 1)..];
        }
    }

    private IClusterDirectoryGrain Directory() => GrainFactory.GetGrain<IClusterDirectoryGrain>(State.Cluster);
}
