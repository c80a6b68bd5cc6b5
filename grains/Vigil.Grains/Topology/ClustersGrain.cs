using Vigil.Runtime;

namespace Vigil.Grains.Topology;

public sealed class ClustersGrain : Grain<ClustersState>, IClustersGrain
{
    public async Task NoteClusterAsync(string cluster, DateTimeOffset firstSeen)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        if (State.Clusters.TryAdd(cluster, firstSeen))
        {
            await WriteStateAsync();
        }
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(new Dictionary<string, DateTimeOffset>(State.Clusters, StringComparer.Ordinal));
}
