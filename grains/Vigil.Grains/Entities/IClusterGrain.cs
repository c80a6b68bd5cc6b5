using Vigil.Grains.Alerts;
using Vigil.Grains.Identities;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>One cluster, keyed by its configured name (<see cref="EntityKeys.Cluster"/>). So far it sums its nodes' and identities' alerts.</summary>
[GrainType("vigil.cluster")]
public interface IClusterGrain : IGrainWithStringKey
{
    /// <summary>A node's current alert counts; a report older than the last one from that node is ignored.</summary>
    [OneWay]
    Task ReportNodeAlertsAsync(NodeAlertSummary summary);

    /// <summary>A service account's or user's current alert counts; an older report than the last one is ignored.</summary>
    [OneWay]
    Task ReportIdentityAlertsAsync(IdentityAlertSummary summary);

    /// <summary>Active alerts over the cluster's nodes and identities.</summary>
    Task<AlertCounts> GetAlertCountsAsync();
}
