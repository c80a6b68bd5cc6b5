using System.Collections.Concurrent;
using Vigil.Runtime;

namespace Vigil.Grains.Alerts;

/// <summary>
/// Hands alerts to subscribers (the live stream, SIEM exporters) on this silo once they are committed: grains
/// publish after their state write succeeds, so nothing a subscriber sees can vanish in a crash. Each subscriber
/// has its own bounded queue; a subscriber that falls behind loses its oldest entries, counted, rather than slowing
/// the grains. Every entry is the alert's latest form, so a consumer keeps the last one per id.
/// </summary>
public sealed class AlertFeed
{
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<AlertSubscription, byte> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public AlertSubscription Subscribe(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new AlertSubscription(capacity, s => _subscribers.TryRemove(s, out _));
        _subscribers.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(IReadOnlyList<Alert> alerts) => Publish(null, alerts);

    /// <summary>Publishes alerts held by <paramref name="holder"/>; <paramref name="republished"/> when they are not changes.</summary>
    public void Publish(GrainId? holder, IReadOnlyList<Alert> alerts, bool republished = false)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return;
        }
        var publication = alerts.Select(a => new HeldAlert(holder, a, republished)).ToArray();
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Offer(publication);
        }
    }
}
