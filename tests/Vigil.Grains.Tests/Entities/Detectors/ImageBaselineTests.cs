using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Tests.Entities.Detectors;

public sealed class ImageBaselineTests
{
    private const string Image = "registry.example/shop/worker:1.4";
    private static readonly Process Entry = PodEvents.Proc(100, 90, "/app/worker");
    private static readonly Process Gzip = PodEvents.Proc(101, 100, "/bin/gzip", "-9");

    [Fact]
    public async Task After_learning_an_executable_no_container_of_the_image_ran_raises_the_medium_baseline_alert_once()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var first = new PodEvents(silo.Clock, pod: "worker-a", container: "worker", image: Image);
        await silo.Pod(first).ObserveAsync([first.Exec(Entry), first.Exec(Gzip, Entry)]);
        silo.Clock.Advance(TimeSpan.FromHours(25));

        var later = new PodEvents(silo.Clock, pod: "worker-b", container: "worker", image: Image);
        var tar = PodEvents.Proc(102, 100, "/bin/tar", "-czf", "/tmp/all.tgz", "/data");
        await silo.Pod(later).ObserveAsync(
        [
            later.Exec(Entry),
            later.Exec(Gzip, Entry),
            later.Exec(tar, Entry),
            later.Exec(PodEvents.Proc(103, 100, "/bin/tar", "-tzf", "/tmp/all.tgz"), Entry),
        ]);

        var alert = Assert.Single(await silo.AlertsAsync(later, BaselineDriftDetector.RuleId));
        Assert.Equal((Severity.Medium, "TA0002", "T1059"), (alert.Severity, alert.Tactic, alert.Technique));
        // Once per executable and container: the second tar is not new to it.
        Assert.Equal(1, alert.Count);
        Assert.Equal("/bin/tar", Assert.Single(alert.Evidence).Process.Binary);
        Assert.Contains($"no container of image {Image} ran it", alert.Evidence[0].Output, StringComparison.Ordinal);
        Assert.Empty(await silo.AlertsAsync(first, BaselineDriftDetector.RuleId));
    }

    [Fact]
    public async Task While_the_image_learns_new_executables_join_the_baseline_without_an_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var first = new PodEvents(silo.Clock, pod: "worker-a", container: "worker", image: Image);
        await silo.Pod(first).ObserveAsync([first.Exec(Entry)]);
        silo.Clock.Advance(TimeSpan.FromHours(23));
        var second = new PodEvents(silo.Clock, pod: "worker-b", container: "worker", image: Image);
        await silo.Pod(second).ObserveAsync([second.Exec(Entry), second.Exec(Gzip, Entry)]);
        silo.Clock.Advance(TimeSpan.FromHours(2));

        var third = new PodEvents(silo.Clock, pod: "worker-c", container: "worker", image: Image);
        await silo.Pod(third).ObserveAsync([third.Exec(Entry), third.Exec(Gzip, Entry)]);
        // Another image's baseline is its own: the same gzip in a new image is learning, not drift.
        var other = new PodEvents(silo.Clock, pod: "worker-d", container: "worker", image: "registry.example/shop/worker:1.5");
        await silo.Pod(other).ObserveAsync([other.Exec(Entry), other.Exec(Gzip, Entry)]);

        Assert.Empty(await silo.AlertsAsync(first, BaselineDriftDetector.RuleId));
        Assert.Empty(await silo.AlertsAsync(second, BaselineDriftDetector.RuleId));
        Assert.Empty(await silo.AlertsAsync(third, BaselineDriftDetector.RuleId));
        Assert.Empty(await silo.AlertsAsync(other, BaselineDriftDetector.RuleId));
    }

    [Fact]
    public async Task A_file_the_container_wrote_is_binary_drift_and_is_neither_learned_nor_a_baseline_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var first = new PodEvents(silo.Clock, pod: "worker-a", container: "worker", image: Image);
        var dropped = PodEvents.Proc(110, 100, "/tmp/x");
        await silo.Pod(first).ObserveAsync([first.Exec(Entry), first.File(Entry, FileOperation.Create, "/tmp/x"), first.Exec(dropped, Entry)]);
        silo.Clock.Advance(TimeSpan.FromHours(25));

        var later = new PodEvents(silo.Clock, pod: "worker-b", container: "worker", image: Image);
        await silo.Pod(later).ObserveAsync([later.Exec(Entry), later.File(Entry, FileOperation.Create, "/tmp/x"), later.Exec(dropped, Entry)]);

        Assert.Single(await silo.AlertsAsync(first, BinaryDrift.RuleId));
        Assert.Single(await silo.AlertsAsync(later, BinaryDrift.RuleId));
        Assert.Empty(await silo.AlertsAsync(later, BaselineDriftDetector.RuleId));
    }
}
