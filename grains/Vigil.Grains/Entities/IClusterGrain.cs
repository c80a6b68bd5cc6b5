using Vigil.Grains.Alerts;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>One cluster, keyed by its configured name (<see cref="EntityKeys.Cluster"/>). So far it only sums its nodes' alerts.</summary>
[GrainType("vigil.cluster")]
public interface IClusterGrain : IGrainWithStringKey
{
    /// <summary>A node's current alert counts; a report older than the last one from that node is ignored.</summary>
    [OneWay]
    Task ReportNodeAlertsAsync(NodeAlertSummary summary);

    /// <summary>Active alerts over the cluster's nodes.</summary>
    Task<AlertCounts> GetAlertCountsAsync();
}
