using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>One pod, keyed <c>cluster/namespace/pod-uid</c> (<see cref="EntityKeys.Pod(string, string, string)"/>).</summary>
[GrainType("vigil.pod")]
public interface IPodGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a batch of the pod's runtime events in the order they happened: runs the rules and the stateful
    /// detectors on each, updates the pod's behaviour, and completes once alerts and state are committed.
    /// </summary>
    Task ObserveAsync(IReadOnlyList<RuntimeEvent> events);

    /// <summary>
    /// As <see cref="ObserveAsync"/>, for the pod's share of a sender's numbered batch: false, changing nothing,
    /// when this pod already applied that batch (a replay after a reconnect). The batch's sequence is committed with
    /// its effects, so the answer holds across crashes.
    /// </summary>
    Task<bool> ObserveBatchAsync(BatchOrigin origin, IReadOnlyList<RuntimeEvent> events);

    /// <summary>The pod's alerts in the order they were opened; all of them when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<Alert>> GetAlertsAsync(AlertStatus? status);

    /// <summary>Sets an alert's status; null when this pod holds no alert with that id.</summary>
    Task<Alert?> SetAlertStatusAsync(string alertId, AlertStatus status);

    Task<PodProfile> GetProfileAsync();

    /// <summary>The pod's process tree as it stands (bounded: the oldest exited leaves go first), in pid order.</summary>
    Task<IReadOnlyList<PodProcess>> GetProcessesAsync();
}
