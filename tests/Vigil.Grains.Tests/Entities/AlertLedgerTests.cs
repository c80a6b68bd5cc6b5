using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Runtime.Testing;

namespace Vigil.Grains.Tests.Entities;

public sealed class AlertLedgerTests
{
    private static readonly AlertEntity Entity = new("prod", "shop", "web-1", "nginx", "node-1");

    [Fact]
    public void Evidence_keeps_the_first_event_and_the_latest_ones()
    {
        var alerts = new List<Alert>();
        var ledger = new AlertLedger(alerts, new AlertOptions { MaxEvidencePerAlert = 3 }, new ManualTimeProvider());

        for (var i = 1; i <= 5; i++)
        {
            ledger.Raise(BinaryDrift.Rule, Entity, Evidence($"/tmp/{i}"));
        }

        var alert = Assert.Single(alerts);
        Assert.Equal(5, alert.Count);
        Assert.Equal(["/tmp/1", "/tmp/4", "/tmp/5"], alert.Evidence.Select(e => e.Process.Binary));
    }

    [Fact]
    public void Past_the_bound_the_oldest_closed_alert_goes_first_then_the_oldest_active_one()
    {
        var clock = new ManualTimeProvider();
        var alerts = new List<Alert>();
        var ledger = new AlertLedger(alerts, new AlertOptions { MaxAlertsPerPod = 3 }, clock);
        foreach (var container in new[] { "a", "b", "c" })
        {
            ledger.Raise(BinaryDrift.Rule, Entity with { Container = container }, Evidence("/tmp/x"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        alerts[1] = alerts[1] with { Status = AlertStatus.Dismissed };

        Assert.True(ledger.Raise(BinaryDrift.Rule, Entity with { Container = "d" }, Evidence("/tmp/x")));
        Assert.Equal(["a", "c", "d"], alerts.Select(a => a.Container));

        Assert.True(ledger.Raise(BinaryDrift.Rule, Entity with { Container = "e" }, Evidence("/tmp/x")));
        Assert.Equal(["c", "d", "e"], alerts.Select(a => a.Container));
    }

    [Fact]
    public void A_dismissed_alert_absorbs_repeats_and_a_resolved_one_does_not()
    {
        var alerts = new List<Alert>();
        var ledger = new AlertLedger(alerts, new AlertOptions(), new ManualTimeProvider());
        ledger.Raise(BinaryDrift.Rule, Entity, Evidence("/tmp/x"));
        ledger.SetStatus(alerts[0].Id, AlertStatus.Dismissed);

        Assert.False(ledger.Raise(BinaryDrift.Rule, Entity, Evidence("/tmp/x")));
        Assert.Equal((AlertStatus.Dismissed, 2), (Assert.Single(alerts).Status, alerts[0].Count));

        ledger.SetStatus(alerts[0].Id, AlertStatus.Resolved);
        Assert.True(ledger.Raise(BinaryDrift.Rule, Entity, Evidence("/tmp/x")));
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Active], alerts.Select(a => a.Status));
        Assert.Equal([alerts[0].Id, alerts[1].Id], ledger.Changed.Select(a => a.Id));
    }

    private static AlertEvidence Evidence(string binary) =>
        new("exec", DateTimeOffset.UnixEpoch, new EvidenceProcess(1, 0, binary, [], 0, "root", "/"), [], binary, 0, binary);
}
