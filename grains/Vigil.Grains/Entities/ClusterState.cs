using Vigil.Grains.Inventory;

namespace Vigil.Grains.Entities;

/// <summary>The stored state of one cluster grain.</summary>
public sealed class ClusterState
{
    /// <summary>Latest counts by node name, at most <see cref="ClusterGrain.MaxNodes"/>.</summary>
    public Dictionary<string, ReportedCounts> Nodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Latest counts by identity grain key, at most <see cref="ClusterGrain.MaxIdentities"/>.</summary>
    public Dictionary<string, ReportedCounts> Identities { get; set; } = new(StringComparer.Ordinal);

    /// <summary>AKS, EKS, GKE, Arc or other, as discovery or the audit log's shape told it; empty until known.</summary>
    public string Provider { get; set; } = "";

    public DateTimeOffset? InventoryTakenAt { get; set; }

    /// <summary>The inventory by <c>Kind/namespace/name</c>, at most <see cref="ClusterGrain.MaxInventoryObjects"/>.</summary>
    public Dictionary<string, InventoryEntry> Inventory { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Objects of the latest snapshots that did not fit under the bound.</summary>
    public int InventoryDropped { get; set; }

    public long NextOrder { get; set; }
}
