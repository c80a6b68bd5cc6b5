using Vigil.Runtime.Testing.Processes;

namespace Vigil.ClusterSilo;

/// <summary>The operations the control endpoints run by name.</summary>
public static class LedgerOperations
{
    public static readonly IReadOnlyDictionary<string, GrainOperation> All = new Dictionary<string, GrainOperation>(StringComparer.Ordinal)
    {
        ["append"] = (grains, key) => grains.GetGrain<ILedgerGrain>(key).AppendAsync(),
        ["read"] = (grains, key) => grains.GetGrain<ILedgerGrain>(key).ReadAsync(),
        ["ping"] = (grains, key) => grains.GetGrain<ILedgerGrain>(key).PingAsync(),
    };
}
