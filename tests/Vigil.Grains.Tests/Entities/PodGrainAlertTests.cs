using Vigil.Grains.Alerts;

namespace Vigil.Grains.Tests.Entities;

public sealed class PodGrainAlertTests
{
    private const string WebShellTitle = "Possible Web Shell activity detected";

    [Fact]
    public async Task A_web_shell_sequence_raises_one_high_alert_on_the_pod_with_its_evidence_and_ancestry()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);

        await silo.Pod(pod).ObserveAsync(WebShell.Sequence(pod));

        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null));
        Assert.Equal("vigil.runtime.web-shell", alert.RuleId);
        Assert.Equal(WebShellTitle, alert.Title);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(("TA0003", "T1505.003"), (alert.Tactic, alert.Technique));
        Assert.Equal(("prod", "shop", "web-7b9c5-kq2lz", "nginx", "node-1"), (alert.Cluster, alert.Namespace, alert.Pod, alert.Container, alert.Node));
        Assert.Equal(AlertStatus.Active, alert.Status);
        // The shell, id and whoami each matched; one alert counts all three.
        Assert.Equal(3, alert.Count);
        Assert.Equal(["/bin/sh", "/usr/bin/id", "/usr/bin/whoami"], alert.Evidence.Select(e => e.Process.Binary));
        var id = alert.Evidence[1];
        Assert.Equal("exec", id.EventType);
        Assert.Equal([200u, 100u, 90u], id.Ancestors.Select(a => a.Pid));
        Assert.Equal(["/bin/sh", "/usr/sbin/nginx", "/usr/bin/containerd-shim-runc-v2"], id.Ancestors.Select(a => a.Binary));
        Assert.Equal(["-c", "id; whoami"], id.Ancestors[0].Args);
        Assert.Contains("started under a web server (parent sh)", id.Output, StringComparison.Ordinal);
        Assert.Equal(silo.Clock.GetUtcNow(), alert.FirstSeen);
    }

    [Fact]
    public async Task Ancestry_the_sensor_left_out_comes_from_the_pods_process_tree()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);

        // A sensor that sends no ancestry at all: only the pids link the shell to nginx.
        await silo.Pod(pod).ObserveAsync([pod.Exec(WebShell.Shim), pod.Exec(WebShell.Nginx)]);
        await silo.Pod(pod).ObserveAsync([pod.Exec(WebShell.Shell)]);

        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null));
        Assert.Equal(WebShellTitle, alert.Title);
        Assert.Equal(["/usr/sbin/nginx", "/usr/bin/containerd-shim-runc-v2"], alert.Evidence[0].Ancestors.Select(a => a.Binary));
    }

    [Fact]
    public async Task A_repeat_within_the_window_counts_on_the_same_alert_and_one_after_it_opens_a_new_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        var grain = silo.Pod(pod);
        var first = silo.Clock.GetUtcNow();

        await grain.ObserveAsync([WebShell.WhoamiAgain(pod)]);
        silo.Clock.Advance(TimeSpan.FromMinutes(9));
        await grain.ObserveAsync([WebShell.WhoamiAgain(pod)]);

        var alert = Assert.Single(await grain.GetAlertsAsync(null));
        Assert.Equal(2, alert.Count);
        Assert.Equal(first, alert.FirstSeen);
        Assert.Equal(first.AddMinutes(9), alert.LastSeen);
        Assert.Equal(2, alert.Evidence.Count);

        // The window runs from the first sighting: ten minutes after it, the next repeat is a new alert.
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await grain.ObserveAsync([WebShell.WhoamiAgain(pod)]);

        var alerts = await grain.GetAlertsAsync(null);
        Assert.Equal([2, 1], alerts.Select(a => a.Count));
        Assert.NotEqual(alerts[0].Id, alerts[1].Id);
        Assert.Equal(first.AddMinutes(10), alerts[1].FirstSeen);
    }

    [Fact]
    public async Task The_same_rule_in_another_container_of_the_pod_is_another_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        var sidecar = pod.InContainer("metrics", "nginx/nginx-prometheus-exporter:1.1");

        await silo.Pod(pod).ObserveAsync([WebShell.WhoamiAgain(pod), WebShell.WhoamiAgain(sidecar)]);

        var alerts = await silo.Pod(pod).GetAlertsAsync(null);
        Assert.Equal(["nginx", "metrics"], alerts.Select(a => a.Container));
        Assert.All(alerts, a => Assert.Equal(1, a.Count));
    }

    [Fact]
    public async Task Alerts_are_queried_by_status()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);

        await silo.Pod(pod).ObserveAsync(WebShell.Sequence(pod));

        Assert.Single(await silo.Pod(pod).GetAlertsAsync(AlertStatus.Active));
        Assert.Empty(await silo.Pod(pod).GetAlertsAsync(AlertStatus.Resolved));
        Assert.Empty(await silo.Pod(pod).GetAlertsAsync(AlertStatus.Dismissed));
    }

    [Fact]
    public async Task Nginx_serving_requests_raises_nothing()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        var entrypoint = PodEvents.Proc(100, 90, "/docker-entrypoint.sh", "nginx", "-g", "daemon off;");
        var find = PodEvents.Proc(101, 100, "/usr/bin/find", "/docker-entrypoint.d/", "-mindepth", "1");
        var nginx = PodEvents.Proc(100, 90, "/usr/sbin/nginx", "-g", "daemon off;");
        var worker = PodEvents.Proc(110, 100, "/usr/sbin/nginx", "-g", "daemon off;");

        await silo.Pod(pod).ObserveAsync(
        [
            pod.Exec(entrypoint, WebShell.Shim),
            pod.Exec(find, entrypoint, WebShell.Shim),
            pod.Exit(find),
            pod.Exec(nginx, WebShell.Shim),
            pod.File(nginx, Contracts.Events.V1.FileOperation.Open, "/etc/nginx/nginx.conf"),
            pod.File(nginx, Contracts.Events.V1.FileOperation.Open, "/var/log/nginx/access.log", flags: 0x441),
            pod.File(worker, Contracts.Events.V1.FileOperation.Open, "/usr/share/nginx/html/index.html"),
            pod.File(worker, Contracts.Events.V1.FileOperation.Write, "/var/log/nginx/access.log"),
            pod.Dns(worker, "catalogue.shop.svc.cluster.local", "10.96.12.4"),
            pod.Connect(worker, "10.96.12.4", 8080),
        ]);

        Assert.Empty(await silo.Pod(pod).GetAlertsAsync(null));
        var profile = await silo.Pod(pod).GetProfileAsync();
        var container = Assert.Single(profile.Containers);
        Assert.Equal(["/docker-entrypoint.sh", "/usr/bin/find", "/usr/sbin/nginx"], container.Executables);
        Assert.Equal(1, profile.Connections);
    }
}
