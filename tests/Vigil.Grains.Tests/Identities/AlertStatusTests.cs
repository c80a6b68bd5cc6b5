using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Grains.Tests.Entities;

namespace Vigil.Grains.Tests.Identities;

/// <summary>Alert status changes on pod and identity grains, and what the feed and the cluster's counts see.</summary>
public sealed class AlertStatusTests
{
    [Fact]
    public async Task A_dismissed_alert_absorbs_its_repeats_and_a_resolved_one_lets_the_next_repeat_open_a_new_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var web = new PodEvents(silo.Clock);
        var pod = silo.Pod(web);
        await pod.ObserveAsync(WebShell.Sequence(web));
        var first = Assert.Single(await pod.GetAlertsAsync(null), a => a.RuleId == "vigil.runtime.web-shell");

        var dismissed = await pod.SetAlertStatusAsync(first.Id, AlertStatus.Dismissed);
        await pod.ObserveAsync([WebShell.WhoamiAgain(web)]);

        Assert.Equal(AlertStatus.Dismissed, dismissed!.Status);
        var absorbed = Assert.Single(await pod.GetAlertsAsync(null), a => a.RuleId == "vigil.runtime.web-shell");
        Assert.Equal((first.Id, AlertStatus.Dismissed, first.Count + 1), (absorbed.Id, absorbed.Status, absorbed.Count));

        await pod.SetAlertStatusAsync(first.Id, AlertStatus.Resolved);
        await pod.ObserveAsync([WebShell.WhoamiAgain(web)]);

        var shells = (await pod.GetAlertsAsync(null)).Where(a => a.RuleId == "vigil.runtime.web-shell").ToList();
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Active], shells.Select(a => a.Status));
        Assert.NotEqual(first.Id, shells[1].Id);
    }

    [Fact]
    public async Task Resolving_an_identitys_alert_lowers_the_clusters_active_counts()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var shell = AuditEvents.ServiceAccount(silo.Clock, "shop", "storefront", AuditEvents.Kubectl);
        await silo.Audit.DispatchAsync("prod", [shell.Request("create", "selfsubjectaccessreviews")]);
        var account = ServiceAccountAnomalyTests.Account(silo, shell);
        var cluster = silo.Grains.GetGrain<IClusterGrain>("prod");
        var before = await cluster.GetAlertCountsAsync();
        var alerts = await account.GetAlertsAsync(AlertStatus.Active);
        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Count, before.Total);

        foreach (var alert in alerts)
        {
            await account.SetAlertStatusAsync(alert.Id, AlertStatus.Resolved);
        }

        Assert.Equal(AlertCounts.None, await cluster.GetAlertCountsAsync());
        Assert.Empty(await account.GetAlertsAsync(AlertStatus.Active));
    }

    [Fact]
    public async Task An_unknown_alert_id_changes_nothing()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var web = new PodEvents(silo.Clock);
        var pod = silo.Pod(web);
        await pod.ObserveAsync(WebShell.Sequence(web));
        var before = await pod.GetAlertsAsync(null);

        Assert.Null(await pod.SetAlertStatusAsync("no-such-alert", AlertStatus.Dismissed));
        Assert.Null(await ServiceAccountAnomalyTests.Account(silo, AuditEvents.ServiceAccount(silo.Clock, "a", "b"))
            .SetAlertStatusAsync("no-such-alert", AlertStatus.Resolved));

        Assert.Equal(before, await pod.GetAlertsAsync(null), AlertComparer.Instance);
    }

    [Fact]
    public async Task Subscribers_hear_of_opened_repeated_and_changed_alerts_after_each_commit()
    {
        await using var silo = await DetectionSilo.StartAsync();
        using var subscription = silo.Feed.Subscribe();
        var web = new PodEvents(silo.Clock);
        var pod = silo.Pod(web);

        await pod.ObserveAsync(WebShell.Sequence(web));
        var opened = Drain(subscription).Single(a => a.RuleId == "vigil.runtime.web-shell");
        await pod.ObserveAsync([WebShell.WhoamiAgain(web)]);
        var repeated = Drain(subscription).Single(a => a.RuleId == "vigil.runtime.web-shell");
        await pod.SetAlertStatusAsync(opened.Id, AlertStatus.Dismissed);
        var changed = Assert.Single(Drain(subscription));

        Assert.Equal(opened.Count + 1, repeated.Count);
        Assert.Equal(opened.Id, repeated.Id);
        Assert.Equal((opened.Id, AlertStatus.Dismissed), (changed.Id, changed.Status));
    }

    private static List<Alert> Drain(AlertSubscription subscription)
    {
        var read = new List<Alert>();
        while (subscription.Reader.TryRead(out var alert))
        {
            read.Add(alert);
        }
        return read;
    }
}
