using Vigil.Runtime;

namespace Vigil.Grains.Topology;

/// <summary>
/// One cluster's namespaces and nodes, keyed by the cluster's name; it also tells the global directory the cluster
/// exists. Kept apart from the cluster grain so the inventory's large state is not rewritten for each new pod.
/// </summary>
[GrainType("vigil.clusterdirectory")]
public interface IClusterDirectoryGrain : IGrainWithStringKey
{
    /// <summary>A namespace (and, when not empty, a node) that has something in it.</summary>
    [OneWay]
    Task NoteAsync(string ns, string node);

    Task<ClusterDirectoryView> GetAsync();
}
