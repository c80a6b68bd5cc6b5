using Vigil.Grains.Alerts;

namespace Vigil.Grains.Tests.Identities;

public sealed class AlertFeedTests
{
    [Fact]
    public void Every_subscriber_gets_every_alert_in_order()
    {
        var feed = new AlertFeed();
        using var one = feed.Subscribe();
        using var two = feed.Subscribe();

        feed.Publish([Sample("a"), Sample("b")]);

        Assert.Equal(["a", "b"], Read(one));
        Assert.Equal(["a", "b"], Read(two));
    }

    [Fact]
    public void A_subscriber_that_falls_behind_loses_its_oldest_entries_and_counts_them()
    {
        var feed = new AlertFeed();
        using var slow = feed.Subscribe(capacity: 2);

        feed.Publish([Sample("a"), Sample("b"), Sample("c")]);

        Assert.Equal(["b", "c"], Read(slow));
        Assert.Equal(1, slow.Dropped);
    }

    [Fact]
    public void A_disposed_subscription_stops_receiving_and_completes()
    {
        var feed = new AlertFeed();
        var gone = feed.Subscribe();
        gone.Dispose();

        feed.Publish([Sample("a")]);

        Assert.Equal(0, feed.SubscriberCount);
        Assert.True(gone.Reader.Completion.IsCompleted);
        Assert.Empty(Read(gone));
    }

    private static List<string> Read(AlertSubscription subscription)
    {
        var ids = new List<string>();
        while (subscription.Reader.TryRead(out var alert))
        {
            ids.Add(alert.Id);
        }
        return ids;
    }

    private static Alert Sample(string id) => new(
        id, "rule", "title", Severity.Low, "TA0001", "T1190", "prod", "shop", "web", "nginx", "node-1", "",
        [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, AlertStatus.Active);
}
