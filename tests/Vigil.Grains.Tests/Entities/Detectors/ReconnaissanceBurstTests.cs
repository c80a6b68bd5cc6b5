using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Tests.Entities.Detectors;

public sealed class ReconnaissanceBurstTests
{
    private static readonly Process App = PodEvents.Proc(100, 90, "/app/server");
    private static readonly Process Shell = PodEvents.Proc(200, 100, "/bin/sh", "-i");

    private static readonly string[][] Commands =
    [
        ["/usr/bin/whoami"], ["/usr/bin/id"], ["/bin/uname", "-a"], ["/bin/hostname"], ["/bin/cat", "/etc/passwd"],
        ["/bin/ps", "aux"],
    ];

    [Fact]
    public async Task Five_distinct_discovery_commands_from_one_shell_within_a_minute_raise_one_medium_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        await silo.Pod(pod).ObserveAsync([pod.Exec(App, WebShell.Shim)]);
        silo.Clock.Advance(TimeSpan.FromMinutes(30));

        var batch = new List<RuntimeEvent> { pod.Exec(Shell, App) };
        for (var i = 0; i < Commands.Length; i++)
        {
            // id twice: a repeat is not a new command.
            batch.Add(pod.Exec(PodEvents.Proc((uint)(300 + i), 200, Commands[i][0], Commands[i][1..]), Shell, App));
            batch.Add(pod.Exec(PodEvents.Proc((uint)(400 + i), 200, "/usr/bin/id"), Shell, App));
        }
        await silo.Pod(pod).ObserveAsync(batch);

        var alert = Assert.Single(await silo.AlertsAsync(pod, ReconnaissanceBurstDetector.RuleId));
        Assert.Equal("Burst of multiple reconnaissance commands could indicate initial activity after compromise", alert.Title);
        Assert.Equal((Severity.Medium, "TA0007", "T1082"), (alert.Severity, alert.Tactic, alert.Technique));
        Assert.Equal(1, alert.Count);
        var evidence = Assert.Single(alert.Evidence);
        // The fifth distinct command (uname, hostname, cat after whoami and id) is the one that crossed the threshold.
        Assert.Equal("/bin/cat", evidence.Process.Binary);
        Assert.Equal(["/bin/sh", "/app/server"], evidence.Ancestors.Select(a => a.Binary).Take(2));
        Assert.Contains("5 distinct discovery commands within 60 s under sh (pid 200)", evidence.Output, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/whoami; /usr/bin/id; /bin/uname -a; /bin/hostname; /bin/cat /etc/passwd", evidence.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_spread_over_more_than_the_window_or_over_different_parents_do_not_add_up()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        await silo.Pod(pod).ObserveAsync([pod.Exec(App, WebShell.Shim)]);
        silo.Clock.Advance(TimeSpan.FromMinutes(30));

        // Four distinct from one shell, one every 20 s, then the fifth 61 s after the first.
        for (var i = 0; i < 5; i++)
        {
            await silo.Pod(pod).ObserveAsync([pod.Exec(PodEvents.Proc((uint)(300 + i), 200, Commands[i][0], Commands[i][1..]), Shell, App)]);
            silo.Clock.Advance(TimeSpan.FromSeconds(i == 3 ? 1 : 20));
        }
        // Five distinct at once, each from its own shell (cron jobs, say).
        var batch = new List<RuntimeEvent>();
        for (var i = 0; i < 5; i++)
        {
            var shell = PodEvents.Proc((uint)(500 + i), 100, "/bin/sh", "-c", Commands[i][0]);
            batch.Add(pod.Exec(shell, App));
            batch.Add(pod.Exec(PodEvents.Proc((uint)(600 + i), shell.Pid, Commands[i][0], Commands[i][1..]), shell, App));
        }
        await silo.Pod(pod).ObserveAsync(batch);

        Assert.Empty(await silo.AlertsAsync(pod, ReconnaissanceBurstDetector.RuleId));
    }

    [Fact]
    public async Task A_readiness_probe_running_id_every_ten_seconds_never_fires()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        await silo.Pod(pod).ObserveAsync([pod.Exec(App, WebShell.Shim)]);
        var runc = PodEvents.Proc(95, 1, "/usr/bin/runc", "exec");

        for (var i = 0; i < 90; i++)
        {
            // kubelet's exec probe: runc starts the command directly, a new process each time.
            var probe = PodEvents.Proc((uint)(1000 + i), 95, "/usr/bin/id", "-u");
            await silo.Pod(pod).ObserveAsync([pod.Exec(probe, runc), pod.Exit(probe)]);
            silo.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(await silo.AlertsAsync(pod, ReconnaissanceBurstDetector.RuleId));
    }

    [Fact]
    public async Task An_entrypoint_or_init_script_sizing_up_the_machine_at_start_does_not_fire()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "db-0", container: "init-config", image: "busybox:1.36");
        var script = PodEvents.Proc(100, 90, "/bin/sh", "/scripts/init.sh");
        RuntimeEvent[] batch =
        [
            pod.Exec(script, WebShell.Shim),
            .. Commands.Select((c, i) => pod.Exec(PodEvents.Proc((uint)(110 + i), 100, c[0], c[1..]), script, WebShell.Shim)),
        ];

        await silo.Pod(pod).ObserveAsync(batch);

        Assert.Empty(await silo.AlertsAsync(pod, ReconnaissanceBurstDetector.RuleId));

        // The same script run once the grace is over is a burst: the grace, not the script, kept it quiet.
        silo.Clock.Advance(TimeSpan.FromMinutes(3));
        await silo.Pod(pod).ObserveAsync(batch);
        Assert.Single(await silo.AlertsAsync(pod, ReconnaissanceBurstDetector.RuleId));
    }
}
