using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

/// <summary>
/// Pod → node → cluster, one way. The queries need no waiting: a one-way call joins the callee's queue during the
/// caller's turn, so by the time the pod's batch has returned the node has the report queued ahead of the query,
/// and the node queues its report to the cluster before it answers.
/// </summary>
public sealed class AlertFlowTests
{
    [Fact]
    public async Task Node_and_cluster_grains_receive_the_pods_alert_counts()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var web = new PodEvents(silo.Clock);
        var api = new PodEvents(silo.Clock, pod: "api-6f7d8-zz9q1", container: "nginx", node: "node-1");
        var other = new PodEvents(silo.Clock, pod: "web-7b9c5-pp3rt", container: "nginx", node: "node-2");

        await silo.Pod(web).ObserveAsync(WebShell.Sequence(web));
        await silo.Pod(api).ObserveAsync(WebShell.Sequence(api));
        await silo.Pod(other).ObserveAsync(WebShell.Sequence(other));

        Assert.Equal(new AlertCounts(2, 0, 0, 0), await Node(silo, "node-1").GetAlertCountsAsync());
        Assert.Equal(new AlertCounts(1, 0, 0, 0), await Node(silo, "node-2").GetAlertCountsAsync());
        Assert.Equal(new AlertCounts(3, 0, 0, 0), await silo.Grains.GetGrain<IClusterGrain>(EntityKeys.Cluster("prod")).GetAlertCountsAsync());
    }

    [Fact]
    public async Task Repeats_counted_on_an_open_alert_do_not_change_the_counts()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var web = new PodEvents(silo.Clock);

        await silo.Pod(web).ObserveAsync(WebShell.Sequence(web));
        await silo.Pod(web).ObserveAsync([WebShell.WhoamiAgain(web)]);

        Assert.Equal(new AlertCounts(1, 0, 0, 0), await Node(silo, "node-1").GetAlertCountsAsync());
    }

    [Fact]
    public async Task A_report_older_than_the_last_one_from_the_same_pod_is_ignored()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var node = Node(silo, "node-1");

        await node.ReportPodAlertsAsync(new PodAlertSummary("prod", "node-1", "prod/shop/uid-a", 2, new AlertCounts(2, 1, 0, 0)));
        await node.ReportPodAlertsAsync(new PodAlertSummary("prod", "node-1", "prod/shop/uid-a", 1, new AlertCounts(1, 0, 0, 0)));
        await node.ReportPodAlertsAsync(new PodAlertSummary("prod", "node-1", "prod/shop/uid-b", 1, new AlertCounts(0, 0, 1, 0)));

        Assert.Equal(new AlertCounts(2, 1, 1, 0), await node.GetAlertCountsAsync());
        Assert.Equal(new AlertCounts(2, 1, 1, 0), await silo.Grains.GetGrain<IClusterGrain>("prod").GetAlertCountsAsync());
    }

    private static INodeGrain Node(DetectionSilo silo, string node) => silo.Grains.GetGrain<INodeGrain>(EntityKeys.Node("prod", node));
}
