using Vigil.Grains.Alerts;
using Vigil.Grains.Identities;
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

    public async Task ReportIdentityAlertsAsync(IdentityAlertSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (new CountsBook(State.Identities, MaxIdentities).Accept(summary.IdentityKey, summary.Sequence, summary.Counts, State.NextOrder++))
        {
            await WriteStateAsync();
        }
    }

    public Task<AlertCounts> GetAlertCountsAsync() => Task.FromResult(
        new CountsBook(State.Nodes, MaxNodes).Total().Plus(new CountsBook(State.Identities, MaxIdentities).Total()));
}
