using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

/// <summary>The node grain: host processes judged and recorded, sensor health, and counts over the node and its pods.</summary>
public sealed class NodeGrainTests
{
    [Fact]
    public async Task A_scanner_run_on_the_host_raises_an_alert_on_the_node_and_counts_with_the_pods_alerts()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var web = new PodEvents(silo.Clock);
        await silo.Pod(web).ObserveAsync(WebShell.Sequence(web));

        var hostEvents = await silo.Runtime.DispatchAsync("prod", [Host("/usr/lib/systemd/systemd", "/usr/bin/bash"), Host("/usr/bin/bash", "/usr/bin/nmap", "-sS", "10.0.0.0/24")]);

        Assert.Equal(2, hostEvents);
        var node = silo.Grains.GetGrain<INodeGrain>(EntityKeys.Node("prod", "node-1"));
        var alert = Assert.Single(await node.GetAlertsAsync(null));
        Assert.Equal(("vigil.runtime.network-scanner", "node-1", "", ""), (alert.RuleId, alert.Node, alert.Pod, alert.Container));
        Assert.Equal("/usr/bin/bash", alert.Evidence[0].Ancestors[0].Binary);
        var profile = await node.GetProfileAsync();
        Assert.Equal(["/usr/bin/bash", "/usr/bin/nmap"], profile.HostExecutables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, profile.HostEventsByType["exec"]);
        var pods = AlertCounts.OfActive(await silo.Pod(web).GetAlertsAsync(null));
        Assert.Equal(pods.Plus(AlertCounts.OfActive([alert])), await node.GetAlertCountsAsync());
        Assert.Equal(await node.GetAlertCountsAsync(), await silo.Grains.GetGrain<IClusterGrain>("prod").GetAlertCountsAsync());
    }

    [Fact]
    public async Task A_replayed_host_batch_is_ignored_and_an_older_sensor_report_does_not_replace_a_newer_one()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var node = silo.Grains.GetGrain<INodeGrain>(EntityKeys.Node("prod", "node-1"));
        var origin = new BatchOrigin("sensor/node-1", "boot-1", 7);
        RuntimeEvent[] batch = [Host("/usr/bin/bash", "/usr/bin/nmap", "-sS", "10.0.0.0/24")];

        Assert.True(await node.ObserveHostBatchAsync(origin, batch));
        Assert.False(await node.ObserveHostBatchAsync(origin, batch));
        var now = silo.Clock.GetUtcNow();
        await node.ReportSensorAsync(new SensorReport("sensor/node-1", "0.3.0", "boot-1", now, now.AddSeconds(10), 7, 700, 0));
        await node.ReportSensorAsync(new SensorReport("sensor/node-1", "0.2.9", "boot-0", now, now.AddSeconds(5), 3, 300, 2));

        Assert.Equal(1, Assert.Single(await node.GetAlertsAsync(null)).Count);
        var profile = await node.GetProfileAsync();
        Assert.Equal(1, profile.HostEventsByType["exec"]);
        Assert.Equal(("0.3.0", 700L), (Assert.Single(profile.Sensors).Version, profile.Sensors[0].Events));
    }

    private static RuntimeEvent Host(string parent, string binary, params string[] args)
    {
        var value = new RuntimeEvent
        {
            Context = new EventContext { Cluster = "prod", Node = "node-1", TimeUnixNano = 1_767_225_600_000_000_000 },
            Process = PodEvents.Proc(9001, 9000, binary, args),
            Exec = new ProcessExec(),
        };
        value.Ancestors.Add(PodEvents.Proc(9000, 1, parent));
        return value;
    }
}
