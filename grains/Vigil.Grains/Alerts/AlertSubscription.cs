using System.Threading.Channels;

namespace Vigil.Grains.Alerts;

/// <summary>One subscriber's queue of alert changes; dispose it to unsubscribe.</summary>
public sealed class AlertSubscription : IDisposable
{
    private readonly Channel<HeldAlert> _channel;
    private readonly Action<AlertSubscription> _unsubscribe;
    // Held while one publication is written and while a drain reads, so a drain sees a grain's commit whole and the
    // drops it caused with it.
    private readonly Lock _gate = new();
    private long _dropped;

    internal AlertSubscription(int capacity, Action<AlertSubscription> unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<HeldAlert>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        Reader = new AlertReader(_channel.Reader);
    }

    /// <summary>The alerts alone. Read either this or <see cref="Entries"/>: they share one queue.</summary>
    public ChannelReader<Alert> Reader { get; }

    /// <summary>The alerts with the grain holding each.</summary>
    public ChannelReader<HeldAlert> Entries => _channel.Reader;

    /// <summary>Entries lost because this subscriber fell more than its capacity behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>
    /// Moves every queued entry into <paramref name="into"/> and returns <see cref="Dropped"/> as it stood then: the
    /// entries and the count agree, and no publication is split between two drains. Only this takes the publication
    /// lock: readers of <see cref="Reader"/> or <see cref="Entries"/> may see a publication arrive in parts. A
    /// publication larger than the queue loses its own first entries, counted in <see cref="Dropped"/>.
    /// </summary>
    public long Drain(List<HeldAlert> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        lock (_gate)
        {
            while (_channel.Reader.TryRead(out var entry))
            {
                into.Add(entry);
            }
            return Dropped;
        }
    }

    internal void Offer(IEnumerable<HeldAlert> publication)
    {
        lock (_gate)
        {
            foreach (var entry in publication)
            {
                _channel.Writer.TryWrite(entry);
            }
        }
    }
}
