using Vigil.Grains.Alerts;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>Sums its nodes' alert counts; the top of the one-way pod → node → cluster flow, so it calls no one.</summary>
public sealed class ClusterGrain : Grain<ClusterState>, IClusterGrain
{
    public const int MaxNodes = 5000;

    public async Task ReportNodeAlertsAsync(NodeAlertSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (new CountsBook(State.Nodes, MaxNodes).Accept(summary.Node, summary.Sequence, summary.Counts, State.NextOrder++))
        {
            await WriteStateAsync();
        }
    }

    public Task<AlertCounts> GetAlertCountsAsync() => Task.FromResult(new CountsBook(State.Nodes, MaxNodes).Total());
}
