using Vigil.Grains.Alerts;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>Sums its pods' alert counts and passes the sum on to the cluster, one way.</summary>
public sealed class NodeGrain : Grain<NodeState>, INodeGrain
{
    /// <summary>Far above the pods one node runs at a time (kubelet's default limit is 110), to allow for churn.</summary>
    public const int MaxPods = 1024;

    public async Task ReportPodAlertsAsync(PodAlertSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!new CountsBook(State.Pods, MaxPods).Accept(summary.PodKey, summary.Sequence, summary.Counts, State.NextOrder++))
        {
            return;
        }
        State.Cluster = summary.Cluster;
        State.Node = summary.Node;
        State.ReportSequence++;
        await WriteStateAsync();
        var total = new CountsBook(State.Pods, MaxPods).Total();
        await GrainFactory.GetGrain<IClusterGrain>(EntityKeys.Cluster(State.Cluster))
            .ReportNodeAlertsAsync(new NodeAlertSummary(State.Node, State.ReportSequence, total));
    }

    public Task<AlertCounts> GetAlertCountsAsync() => Task.FromResult(new CountsBook(State.Pods, MaxPods).Total());
}
