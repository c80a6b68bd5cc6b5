namespace Vigil.Grains.Topology;

public sealed class ClustersState
{
    /// <summary>Cluster names with when Vigil first heard of them.</summary>
    public Dictionary<string, DateTimeOffset> Clusters { get; set; } = new(StringComparer.Ordinal);
}
