using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>
/// One node, keyed <c>cluster/node</c> (<see cref="EntityKeys.Node"/>): its host processes' activity and alerts, its
/// sensors' health, and the sum of its pods' alerts, passed on to the cluster.
/// </summary>
[GrainType("vigil.node")]
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>A pod's current alert counts; a report older than the last one from that pod is ignored.</summary>
    [OneWay]
    Task ReportPodAlertsAsync(PodAlertSummary summary);

    /// <summary>
    /// Events of processes outside any container, in order: the runtime rules run on them (rules about containers
    /// do not match), alerts are raised on the node, and the host's activity is recorded.
    /// </summary>
    Task ObserveHostAsync(IReadOnlyList<RuntimeEvent> events);

    /// <summary>As <see cref="ObserveHostAsync"/> for a sender's numbered batch: false, changing nothing, for a replay.</summary>
    Task<bool> ObserveHostBatchAsync(BatchOrigin origin, IReadOnlyList<RuntimeEvent> events);

    /// <summary>A sensor's latest view of itself; an older report than the one held is ignored.</summary>
    [OneWay]
    Task ReportSensorAsync(SensorReport report);

    Task<IReadOnlyList<Alert>> GetAlertsAsync(AlertStatus? status);

    Task<Alert?> SetAlertStatusAsync(string alertId, AlertStatus status);

    Task<NodeProfile> GetProfileAsync();

    /// <summary>Active alerts over the node itself and its pods.</summary>
    Task<AlertCounts> GetAlertCountsAsync();
}
