namespace Vigil.Runtime.Remoting;

/// <summary>What an invoker has sent, so batching can be seen: calls per message is <c>CallsSent / BatchesSent</c>.</summary>
public sealed class RemoteCallCounters
{
    private long _streamsOpened;
    private long _batchesSent;
    private long _callsSent;
    private long _largestBatch;

    /// <summary>Call streams opened, one per destination plus one for every stream that broke and was replaced.</summary>
    public long StreamsOpened => Interlocked.Read(ref _streamsOpened);

    /// <summary>Messages written on call streams.</summary>
    public long BatchesSent => Interlocked.Read(ref _batchesSent);

    /// <summary>Calls carried by those messages.</summary>
    public long CallsSent => Interlocked.Read(ref _callsSent);

    /// <summary>The most calls one message has carried.</summary>
    public long LargestBatch => Interlocked.Read(ref _largestBatch);

    internal void StreamOpened() => Interlocked.Increment(ref _streamsOpened);

    internal void BatchSent(int calls)
    {
        Interlocked.Increment(ref _batchesSent);
        Interlocked.Add(ref _callsSent, calls);
        var largest = Interlocked.Read(ref _largestBatch);
        while (calls > largest)
        {
            var seen = Interlocked.CompareExchange(ref _largestBatch, calls, largest);
            if (seen == largest)
            {
                break;
            }

            largest = seen;
        }
    }
}
