using Vigil.Grains.Alerts;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>One node, keyed <c>cluster/node</c> (<see cref="EntityKeys.Node"/>). So far it only sums its pods' alerts.</summary>
[GrainType("vigil.node")]
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>A pod's current alert counts; a report older than the last one from that pod is ignored.</summary>
    [OneWay]
    Task ReportPodAlertsAsync(PodAlertSummary summary);

    /// <summary>Active alerts over the node's pods.</summary>
    Task<AlertCounts> GetAlertCountsAsync();
}
