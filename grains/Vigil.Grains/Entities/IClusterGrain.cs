using Vigil.Grains.Alerts;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Identities;
using Vigil.Grains.Inventory;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>One cluster, keyed by its configured name (<see cref="EntityKeys.Cluster"/>). It sums its nodes' and identities' alerts and keeps the inventory and posture discovery reports.</summary>
[GrainType("vigil.cluster")]
public interface IClusterGrain : IGrainWithStringKey
{
    /// <summary>A node's current alert counts; a report older than the last one from that node is ignored.</summary>
    [OneWay]
    Task ReportNodeAlertsAsync(NodeAlertSummary summary);

    /// <summary>A service account's or user's current alert counts; an older report than the last one is ignored.</summary>
    [OneWay]
    Task ReportIdentityAlertsAsync(IdentityAlertSummary summary);

    /// <summary>Applies a discovery snapshot: provider, inventory, and the posture findings of its objects.</summary>
    Task ApplyInventoryAsync(InventorySnapshot snapshot);

    /// <summary>Records where the cluster runs when an ingester can tell (an AKS, EKS or GKE audit export, say).</summary>
    [OneWay]
    Task NoteProviderAsync(string provider);

    Task<ClusterSummary> GetSummaryAsync();

    Task<ClusterOverview> GetOverviewAsync();

    /// <summary>Active alerts over the cluster's nodes and identities.</summary>
    Task<AlertCounts> GetAlertCountsAsync();
}
