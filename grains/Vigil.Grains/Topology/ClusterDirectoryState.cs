namespace Vigil.Grains.Topology;

/// <summary>The namespaces and nodes of one cluster that Vigil has heard of, by name, with when it first did.</summary>
public sealed class ClusterDirectoryState
{
    public Dictionary<string, DateTimeOffset> Namespaces { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, DateTimeOffset> Nodes { get; set; } = new(StringComparer.Ordinal);
}
