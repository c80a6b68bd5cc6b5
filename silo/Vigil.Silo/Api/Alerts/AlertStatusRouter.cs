using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Runtime;

namespace Vigil.Silo.Api.Alerts;

/// <summary>Sends a status change to the grain that holds the alert, wherever in the cluster it is active.</summary>
public sealed class AlertStatusRouter(IGrainFactory grains)
{
    public static bool CanRoute(string grainType) => grainType is "vigil.pod" or "vigil.node" or "vigil.serviceaccount" or "vigil.user";

    /// <summary>The alert in its new form; null when its grain no longer holds it (evicted past the grain's bound).</summary>
    public Task<Alert?> SetStatusAsync(string grainType, string grainKey, string alertId, AlertStatus status) => grainType switch
    {
        "vigil.pod" => grains.GetGrain<IPodGrain>(grainKey).SetAlertStatusAsync(alertId, status),
        "vigil.node" => grains.GetGrain<INodeGrain>(grainKey).SetAlertStatusAsync(alertId, status),
        "vigil.serviceaccount" => grains.GetGrain<IServiceAccountGrain>(grainKey).SetAlertStatusAsync(alertId, status),
        "vigil.user" => grains.GetGrain<IUserGrain>(grainKey).SetAlertStatusAsync(alertId, status),
        _ => throw new ArgumentException($"Alerts of {grainType} grains cannot change status.", nameof(grainType)),
    };
}
