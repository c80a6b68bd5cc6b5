namespace Vigil.Grains.Entities;

/// <summary>The stored state of one node grain.</summary>
public sealed class NodeState
{
    public string Cluster { get; set; } = "";

    public string Node { get; set; } = "";

    /// <summary>Latest counts by pod key, at most <see cref="NodeGrain.MaxPods"/>.</summary>
    public Dictionary<string, ReportedCounts> Pods { get; set; } = new(StringComparer.Ordinal);

    public long NextOrder { get; set; }

    /// <summary>The sequence of the last summary sent to the cluster.</summary>
    public long ReportSequence { get; set; }
}
