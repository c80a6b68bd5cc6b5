using Vigil.Grains.Alerts;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Identities;
using Vigil.Grains.Inventory;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>Sums the alert counts of its nodes and its identities: the top of the one-way pod → node → cluster and identity → cluster flows, so it calls no one.</summary>
public sealed class ClusterGrain : Grain<ClusterState>, IClusterGrain
{
    public const int MaxNodes = 5000;

    /// <summary>Service accounts and users with alerts; far more than a cluster has, to allow for churn.</summary>
    public const int MaxIdentities = 20_000;

    public async Task ReportNodeAlertsAsync(NodeAlertSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (new CountsBook(State.Nodes, MaxNodes).Accept(summary.Node, summary.Sequence, summary.Counts, State.NextOrder++))
        {
            await WriteStateAsync();
        }
    }

    /// <summary>Objects kept from discovery; a cluster with more is summarised from the first ones.</summary>
    public const int MaxInventoryObjects = 50_000;

    /// <summary>Findings a summary lists; the rest are counted as truncated.</summary>
    public const int MaxFindingsListed = 1000;

    public static readonly IReadOnlySet<string> Providers = new HashSet<string>(StringComparer.Ordinal) { "AKS", "EKS", "GKE", "Arc", "other" };

    public async Task ApplyInventoryAsync(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Provider.Length > 0)
        {
            State.Provider = Provider(snapshot.Provider);
        }
        State.InventoryDropped = new InventoryBook(State.Inventory, MaxInventoryObjects).Apply(snapshot);
        State.InventoryTakenAt = snapshot.TakenUnixNano > 0 ? DateTimeOffset.UnixEpoch.AddTicks(snapshot.TakenUnixNano / 100) : TimeProvider.GetUtcNow();
        await WriteStateAsync();
    }

    public async Task NoteProviderAsync(string provider)
    {
        var known = Provider(provider);
        if (State.Provider != known)
        {
            State.Provider = known;
            await WriteStateAsync();
        }
    }

    public Task<ClusterSummary> GetSummaryAsync()
    {
        var findings = State.Inventory.Values.SelectMany(e => e.Findings).OrderByDescending(f => f.Severity).ThenBy(f => f.Namespace, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Check, StringComparer.Ordinal).ToList();
        return Task.FromResult(new ClusterSummary(
            Key, State.Provider, State.InventoryTakenAt, new InventoryBook(State.Inventory, MaxInventoryObjects).CountsByKind(),
            [.. findings.Take(MaxFindingsListed)], findings.Count > MaxFindingsListed, Totals()));
    }

    public Task<ClusterOverview> GetOverviewAsync() => Task.FromResult(new ClusterOverview(State.Provider, Totals()));

    public async Task ReportIdentityAlertsAsync(IdentityAlertSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (new CountsBook(State.Identities, MaxIdentities).Accept(summary.IdentityKey, summary.Sequence, summary.Counts, State.NextOrder++))
        {
            await WriteStateAsync();
        }
    }

    public Task<AlertCounts> GetAlertCountsAsync() => Task.FromResult(Totals());

    private static string Provider(string value) =>
        Providers.FirstOrDefault(p => string.Equals(p, value, StringComparison.OrdinalIgnoreCase)) ?? "other";

    private AlertCounts Totals() =>
        new CountsBook(State.Nodes, MaxNodes).Total().Plus(new CountsBook(State.Identities, MaxIdentities).Total());
}
