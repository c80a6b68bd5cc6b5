using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Tests.Entities.Detectors;

/// <summary>
/// The cloud-metadata rule fires on every access outside kube-system; the image baseline keeps it quiet for the
/// process chains a workload uses the metadata service with, and for nothing else.
/// </summary>
public sealed class CloudMetadataBaselineTests
{
    private const string RuleId = "vigil.runtime.cloud-metadata-access";
    private const string Image = "registry.example/shop/uploader:2.0";
    private static readonly Process Uploader = PodEvents.Proc(100, 90, "/app/uploader");

    [Fact]
    public async Task The_first_caller_raises_the_rule_and_the_same_chain_in_later_replicas_does_not()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var first = new PodEvents(silo.Clock, pod: "uploader-a", container: "uploader", image: Image);
        await silo.Pod(first).ObserveAsync([first.Exec(Uploader, WebShell.Shim), first.Connect(Uploader, "169.254.169.254", 80)]);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = new PodEvents(silo.Clock, pod: "uploader-b", container: "uploader", image: Image);
        await silo.Pod(second).ObserveAsync([second.Exec(Uploader, WebShell.Shim), second.Connect(Uploader, "169.254.169.254", 80)]);
        // After learning, a third replica's refresh an hour into its life is still normal.
        silo.Clock.Advance(TimeSpan.FromHours(30));
        var third = new PodEvents(silo.Clock, pod: "uploader-c", container: "uploader", image: Image);
        await silo.Pod(third).ObserveAsync([third.Exec(Uploader, WebShell.Shim)]);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        await silo.Pod(third).ObserveAsync([third.Connect(Uploader, "169.254.169.254", 80)]);

        var alert = Assert.Single(await silo.AlertsAsync(first, RuleId));
        Assert.Equal("Access to cloud metadata service detected", alert.Title);
        Assert.Empty(await silo.AlertsAsync(second, RuleId));
        Assert.Empty(await silo.AlertsAsync(third, RuleId));
    }

    [Fact]
    public async Task A_web_shell_curling_the_metadata_service_of_a_workload_that_uses_it_still_raises_the_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var first = new PodEvents(silo.Clock, pod: "uploader-a", container: "uploader", image: Image);
        await silo.Pod(first).ObserveAsync([first.Exec(Uploader, WebShell.Shim), first.Connect(Uploader, "169.254.169.254", 80)]);
        silo.Clock.Advance(TimeSpan.FromHours(30));

        var victim = new PodEvents(silo.Clock, pod: "uploader-b", container: "uploader", image: Image);
        var shell = PodEvents.Proc(200, 100, "/bin/sh", "-c", "curl http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        var curl = PodEvents.Proc(201, 200, "/usr/bin/curl", "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        await silo.Pod(victim).ObserveAsync(
        [
            victim.Exec(Uploader, WebShell.Shim),
            victim.Connect(Uploader, "169.254.169.254", 80),
            victim.Exec(shell, Uploader),
            victim.Exec(curl, shell, Uploader),
            victim.Connect(curl, "169.254.169.254", 80),
        ]);

        var alert = Assert.Single(await silo.AlertsAsync(victim, RuleId));
        Assert.Equal("/usr/bin/curl", Assert.Single(alert.Evidence).Process.Binary);
    }

    [Fact]
    public async Task A_chain_first_seen_after_learning_or_in_an_old_container_is_never_normal()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var first = new PodEvents(silo.Clock, pod: "uploader-a", container: "uploader", image: Image);
        await silo.Pod(first).ObserveAsync([first.Exec(Uploader, WebShell.Shim)]);
        // Twenty minutes in: too late for this container to teach the image.
        silo.Clock.Advance(TimeSpan.FromMinutes(20));
        var helper = PodEvents.Proc(150, 100, "/app/helper");
        await silo.Pod(first).ObserveAsync([first.Exec(helper, Uploader), first.Connect(helper, "169.254.169.254", 80)]);
        silo.Clock.Advance(TimeSpan.FromHours(30));

        var later = new PodEvents(silo.Clock, pod: "uploader-b", container: "uploader", image: Image);
        var tool = PodEvents.Proc(160, 100, "/app/sync");
        await silo.Pod(later).ObserveAsync(
        [
            later.Exec(Uploader, WebShell.Shim),
            later.Exec(helper, Uploader),
            later.Connect(helper, "169.254.169.254", 80),
            later.Exec(tool, Uploader),
            later.Connect(tool, "169.254.169.254", 80),
        ]);

        Assert.Single(await silo.AlertsAsync(first, RuleId));
        var alert = Assert.Single(await silo.AlertsAsync(later, RuleId));
        Assert.Equal(["/app/helper", "/app/sync"], alert.Evidence.Select(e => e.Process.Binary));
    }
}
