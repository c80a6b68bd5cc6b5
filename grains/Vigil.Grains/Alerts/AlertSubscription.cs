using System.Threading.Channels;

namespace Vigil.Grains.Alerts;

/// <summary>One subscriber's queue of alert changes; dispose it to unsubscribe.</summary>
public sealed class AlertSubscription : IDisposable
{
    private readonly Channel<Alert> _channel;
    private readonly Action<AlertSubscription> _unsubscribe;
    private long _dropped;

    internal AlertSubscription(int capacity, Action<AlertSubscription> unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<Alert>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public ChannelReader<Alert> Reader => _channel.Reader;

    /// <summary>Entries lost because this subscriber fell more than its capacity behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Offer(Alert alert) => _channel.Writer.TryWrite(alert);
}
