using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Runtime;

namespace Vigil.Grains.Identities;

/// <summary>What service-account and user grains share: they take the audit events their identity caused.</summary>
public interface IIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a batch of the identity's audit events in the order they happened: runs the audit rules and the
    /// baseline detector on each (a record whose audit id and stage it has seen already is dropped, whichever path
    /// brought it), learns from the allowed ones, and completes once alerts and state are committed.
    /// </summary>
    Task ObserveAsync(IReadOnlyList<AuditEvent> events);

    /// <summary>As <see cref="ObserveAsync"/> for a sender's numbered batch: false, changing nothing, for a replay.</summary>
    Task<bool> ObserveBatchAsync(BatchOrigin origin, IReadOnlyList<AuditEvent> events);

    /// <summary>The identity's alerts in the order they were opened; all of them when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<Alert>> GetAlertsAsync(AlertStatus? status);

    /// <summary>Sets an alert's status; null when this identity holds no alert with that id.</summary>
    Task<Alert?> SetAlertStatusAsync(string alertId, AlertStatus status);

    Task<IdentityActivity> GetActivityAsync();
}
