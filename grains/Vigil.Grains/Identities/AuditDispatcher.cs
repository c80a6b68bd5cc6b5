using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Runtime;

namespace Vigil.Grains.Identities;

/// <summary>
/// Files a batch of audit events under the identities that caused them: one call per identity with its events in
/// their original order, all identities at once. Completes when every identity has committed, so an ingester that
/// acknowledges after this loses nothing it acknowledged.
/// </summary>
public sealed class AuditDispatcher(IGrainFactory grains)
{
    /// <summary>
    /// Dispatches the batch. With an <paramref name="origin"/> each identity applies its share at most once, so a
    /// sender may replay a batch it was not sure of. Batches of one sender must be dispatched in the order sent
    /// (each call may be started before the last completes: calls reach a grain in the order made).
    /// </summary>
    public Task DispatchAsync(string cluster, IReadOnlyList<AuditEvent> events, BatchOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byIdentity = new Dictionary<string, (IdentityRef Identity, List<AuditEvent> Events)>(StringComparer.Ordinal);
        foreach (var value in events)
        {
            if (value.Cluster.Length == 0)
            {
                value.Cluster = cluster;
            }
            var identity = IdentityRef.Of(cluster, value);
            if (!byIdentity.TryGetValue(identity.Key, out var group))
            {
                group = (identity, []);
                byIdentity.Add(identity.Key, group);
            }
            group.Events.Add(value);
        }
        return Task.WhenAll(byIdentity.Values.Select(g => origin is null
            ? Grain(g.Identity).ObserveAsync(g.Events)
            : Grain(g.Identity).ObserveBatchAsync(origin, g.Events)));
    }

    private IIdentityGrain Grain(IdentityRef identity) => identity.Kind == IdentityKind.ServiceAccount
        ? grains.GetGrain<IServiceAccountGrain>(identity.Key)
        : grains.GetGrain<IUserGrain>(identity.Key);
}
