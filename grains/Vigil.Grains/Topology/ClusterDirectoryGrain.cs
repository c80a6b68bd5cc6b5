using Vigil.Runtime;

namespace Vigil.Grains.Topology;

public sealed class ClusterDirectoryGrain : Grain<ClusterDirectoryState>, IClusterDirectoryGrain
{
    public const int MaxNamespaces = 10_000;
    public const int MaxNodes = 5000;

    public async Task NoteAsync(string ns, string node)
    {
        var now = TimeProvider.GetUtcNow();
        var first = State.Namespaces.Count == 0 && State.Nodes.Count == 0;
        var changed = Note(State.Namespaces, ns, now, MaxNamespaces) | Note(State.Nodes, node, now, MaxNodes);
        if (!changed)
        {
            return;
        }
        await WriteStateAsync();
        if (first)
        {
            await GrainFactory.GetGrain<IClustersGrain>(IClustersGrain.Key).NoteClusterAsync(Key, now);
        }
    }

    public Task<ClusterDirectoryView> GetAsync() => Task.FromResult(new ClusterDirectoryView(
        Key, [.. State.Namespaces.Keys.Order(StringComparer.Ordinal)], [.. State.Nodes.Keys.Order(StringComparer.Ordinal)]));

    private static bool Note(Dictionary<string, DateTimeOffset> names, string name, DateTimeOffset now, int capacity)
    {
        if (name.Length == 0 || names.ContainsKey(name))
        {
            return false;
        }
        BoundedMap.MakeRoom(names, name, capacity, firstSeen => firstSeen);
        names[name] = now;
        return true;
    }
}
