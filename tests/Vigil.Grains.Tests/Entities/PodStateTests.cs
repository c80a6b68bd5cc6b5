using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

public sealed class PodStateTests
{
    [Fact]
    public async Task Alerts_and_behaviour_survive_the_silo_stopping_and_another_starting_on_the_same_storage()
    {
        var first = await DetectionSilo.StartAsync();
        var pod = new PodEvents(first.Clock);
        var writer = PodEvents.Proc(400, 90, "/usr/bin/wget", "-O", "/tmp/x");
        await first.Pod(pod).ObserveAsync([.. WebShell.Sequence(pod), pod.File(writer, FileOperation.Create, "/tmp/x")]);
        var before = await first.Pod(pod).GetAlertsAsync(null);
        await first.DisposeAsync();

        await using var second = await DetectionSilo.StartAsync(first.Storage, first.Clock);

        // A new activation: the alert comes back from storage, and a repeat still counts on it.
        Assert.Equal(before, await second.Pod(pod).GetAlertsAsync(null), AlertComparer.Instance);
        await second.Pod(pod).ObserveAsync([WebShell.WhoamiAgain(pod)]);
        Assert.Equal(4, Assert.Single(await second.Pod(pod).GetAlertsAsync(null)).Count);

        // The file written before the restart is still known: executing it is drift.
        await second.Pod(pod).ObserveAsync([pod.Exec(PodEvents.Proc(401, 90, "/tmp/x"))]);
        Assert.Contains(await second.Pod(pod).GetAlertsAsync(null), a => a.RuleId == BinaryDrift.RuleId);
    }

    [Fact]
    public async Task A_noisy_pod_keeps_its_state_within_the_bounds()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "batch-1", container: "job", image: "registry.example/batch:1");
        const int events = 3000;
        for (var start = 0; start < events; start += 500)
        {
            var batch = new List<RuntimeEvent>();
            for (var i = start; i < start + 500; i++)
            {
                var process = PodEvents.Proc((uint)(1000 + i), 90, $"/opt/job/step-{i}");
                batch.Add(pod.Exec(process));
                batch.Add(pod.Connect(process, "10.0.0.1", (uint)(1024 + i)));
                batch.Add(pod.File(process, FileOperation.Create, $"/data/out-{i}"));
            }
            await silo.Pod(pod).ObserveAsync(batch);
        }

        var profile = await silo.Pod(pod).GetProfileAsync();
        Assert.Equal(PodLimits.MaxProcesses, profile.Processes);
        Assert.Equal(PodLimits.MaxConnections, profile.Connections);
        var container = Assert.Single(profile.Containers);
        Assert.Equal(PodLimits.MaxExecutablesPerContainer, container.Executables.Count);
        Assert.True(container.ExecutablesTruncated);
        Assert.Equal(PodLimits.MaxWrittenFilesPerContainer, container.WrittenFiles);
    }

    [Fact]
    public async Task The_oldest_written_files_are_forgotten_first()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "batch-2", container: "job", image: "registry.example/batch:1");
        var writer = PodEvents.Proc(500, 90, "/opt/job/run");
        var batch = new List<RuntimeEvent>();
        for (var i = 0; i <= PodLimits.MaxWrittenFilesPerContainer; i++)
        {
            batch.Add(pod.File(writer, FileOperation.Create, $"/data/file-{i}"));
        }
        await silo.Pod(pod).ObserveAsync(batch);

        // file-0 was evicted by the last write; file-1 is still known.
        await silo.Pod(pod).ObserveAsync([pod.Exec(PodEvents.Proc(501, 90, "/data/file-0")), pod.Exec(PodEvents.Proc(502, 90, "/data/file-1"))]);

        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null));
        Assert.Equal("/data/file-1", Assert.Single(alert.Evidence).Process.Binary);
    }

    [Fact]
    public async Task Exited_processes_nothing_descends_from_are_forgotten_past_the_latest_while_ancestors_of_live_ones_stay()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        // nginx exits while the shell it started still runs; then short-lived jobs come and go.
        var batch = new List<RuntimeEvent> { pod.Exec(WebShell.Shim), pod.Exec(WebShell.Nginx), pod.Exec(WebShell.Shell), pod.Exit(WebShell.Nginx) };
        for (var i = 0; i < 200; i++)
        {
            var job = PodEvents.Proc((uint)(1000 + i), 90, "/usr/sbin/logrotate", "/etc/logrotate.conf");
            batch.Add(pod.Exec(job));
            batch.Add(pod.Exit(job));
        }
        await silo.Pod(pod).ObserveAsync(batch);

        // The shim, nginx (exited, but the shell descends from it), the shell and the latest jobs.
        Assert.Equal(3 + PodLimits.MaxExitedLeafProcesses, (await silo.Pod(pod).GetProfileAsync()).Processes);

        // A child of the shell, sent without ancestry, still gets the whole chain from the tree.
        await silo.Pod(pod).ObserveAsync([pod.Exec(WebShell.Id)]);
        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null));
        Assert.Equal(["/bin/sh", "/usr/sbin/nginx", "/usr/bin/containerd-shim-runc-v2"], alert.Evidence[^1].Ancestors.Select(a => a.Binary));
    }

    [Fact]
    public async Task A_connection_made_again_refreshes_its_entry_instead_of_pushing_others_out()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        var batch = new List<RuntimeEvent> { pod.Connect(WebShell.Nginx, "10.96.12.5", 5432) };
        for (var i = 0; i < PodLimits.MaxConnections + 10; i++)
        {
            batch.Add(pod.Connect(WebShell.Nginx, "10.96.12.4", 8080));
        }
        await silo.Pod(pod).ObserveAsync(batch);

        Assert.Equal(2, (await silo.Pod(pod).GetProfileAsync()).Connections);
    }

    [Fact]
    public async Task A_full_tree_evicts_idle_leaves_and_keeps_the_ancestors_and_the_busy_server()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock);
        // Jobs whose exits the sensor missed fill the tree; nginx serves requests meanwhile.
        var batch = new List<RuntimeEvent> { pod.Exec(WebShell.Shim), pod.Exec(WebShell.Nginx) };
        for (var i = 0; i < PodLimits.MaxProcesses * 2; i++)
        {
            batch.Add(pod.Exec(PodEvents.Proc((uint)(1000 + i), 90, "/usr/sbin/logrotate", "/etc/logrotate.conf")));
            batch.Add(pod.File(WebShell.Nginx, FileOperation.Open, "/usr/share/nginx/html/index.html"));
        }
        await silo.Pod(pod).ObserveAsync(batch);
        Assert.Equal(PodLimits.MaxProcesses, (await silo.Pod(pod).GetProfileAsync()).Processes);

        // The oldest two processes are still there to give a shell sent without ancestry its chain.
        await silo.Pod(pod).ObserveAsync([pod.Exec(WebShell.Shell)]);
        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null));
        Assert.Equal(["/usr/sbin/nginx", "/usr/bin/containerd-shim-runc-v2"], alert.Evidence[0].Ancestors.Select(a => a.Binary));
    }
}
