using Vigil.Runtime;

namespace Vigil.Grains.Topology;

/// <summary>Every cluster Vigil has heard of: one grain for the whole installation, written once per new cluster.</summary>
[GrainType("vigil.clusters")]
public interface IClustersGrain : IGrainWithStringKey
{
    const string Key = "all";

    [OneWay]
    Task NoteClusterAsync(string cluster, DateTimeOffset firstSeen);

    Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync();
}
