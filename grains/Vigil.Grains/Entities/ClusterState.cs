namespace Vigil.Grains.Entities;

/// <summary>The stored state of one cluster grain.</summary>
public sealed class ClusterState
{
    /// <summary>Latest counts by node name, at most <see cref="ClusterGrain.MaxNodes"/>.</summary>
    public Dictionary<string, ReportedCounts> Nodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Latest counts by identity grain key, at most <see cref="ClusterGrain.MaxIdentities"/>.</summary>
    public Dictionary<string, ReportedCounts> Identities { get; set; } = new(StringComparer.Ordinal);

    public long NextOrder { get; set; }
}
