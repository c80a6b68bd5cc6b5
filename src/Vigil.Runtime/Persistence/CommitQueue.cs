using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// The silo's group commit: writes from every grain wait here and go to storage together, up to
/// <c>CommitBatchSize</c> per transaction, after at most <c>CommitDelay</c> of waiting for company. Up to
/// <c>CommitConcurrency</c> transactions are in flight at once, so writes that arrive while one waits on the
/// database's disk need not wait for it too; a grain's write never joins a transaction while an earlier write of
/// that grain is still in flight (it expects the version that one creates). Each write's task completes only after
/// COMMIT has returned, so whatever is released on it (an ingestion ack) is durable.
/// </summary>
public sealed class CommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _channel = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainStorage _storage;
    private readonly IShardFence? _fence;
    private readonly int _batchSize;
    private readonly TimeSpan _delay;
    private readonly int _concurrency;
    private readonly RuntimeInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Task _flusher;
    private long _depth;
    private long _transactions;

    internal CommitQueue(IGrainStorage storage, int batchSize, TimeSpan delay, RuntimeInstruments instruments, ILogger logger, IShardFence? fence = null, int concurrency = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _storage = storage;
        _fence = fence;
        _batchSize = batchSize;
        _delay = delay;
        _concurrency = concurrency;
        _instruments = instruments;
        _logger = logger;
        _flusher = Task.Run(FlushLoopAsync);
    }

    /// <summary>Writes waiting for a transaction or in one not yet committed.</summary>
    public long Depth => Interlocked.Read(ref _depth);

    /// <summary>Transactions committed so far (each holds one batch).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Queues a write; the task gives its new version once committed, or fails (a conflict, a storage error).</summary>
    public Task<long> EnqueueAsync(StateWrite write)
    {
        var pending = new PendingWrite(write);
        if (!_channel.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The commit queue is closed: the silo is stopping.");
        }

        Interlocked.Increment(ref _depth);
        return pending.Committed;
    }

    /// <summary>Stops taking writes, commits what is queued, and returns when that is done.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _flusher.ConfigureAwait(false);
    }

    private async Task FlushLoopAsync()
    {
        var reader = _channel.Reader;
        var deferred = new List<PendingWrite>();
        var inFlight = new List<(Task Flush, List<PendingWrite> Batch)>();
        var grains = new HashSet<GrainId>();
        Task<bool>? more = null;
        while (true)
        {
            inFlight.RemoveAll(f => f.Flush.IsCompleted);
            if (inFlight.Count >= _concurrency)
            {
                await Task.WhenAny(inFlight.Select(f => f.Flush)).ConfigureAwait(false);
                continue;
            }

            // Grains with a write in flight are taken, as a grain's second write in one batch would be.
            grains.Clear();
            foreach (var (_, running) in inFlight)
            {
                foreach (var pending in running)
                {
                    grains.Add(pending.Write.Grain);
                }
            }

            var batch = new List<PendingWrite>();
            var carried = deferred.ToArray();
            deferred.Clear();
            foreach (var pending in carried)
            {
                Add(pending, batch, grains, deferred);
            }

            Take(reader, batch, grains, deferred);
            if (batch.Count == 0)
            {
                // Nothing can go yet: wait for a write, or for a flush to finish (a deferred write may follow it).
                var waits = inFlight.Select(f => f.Flush).ToList();
                if (!reader.Completion.IsCompleted)
                {
                    waits.Add(more is { IsCompleted: false } ? more : more = reader.WaitToReadAsync().AsTask());
                }

                if (waits.Count == 0)
                {
                    return;
                }

                await Task.WhenAny(waits).ConfigureAwait(false);
                continue;
            }

            if (batch.Count < _batchSize && _delay > TimeSpan.Zero)
            {
                await WaitForCompanyAsync(reader, batch, grains, deferred).ConfigureAwait(false);
            }

            inFlight.Add((FlushAsync(batch), batch));
        }
    }

    private async Task WaitForCompanyAsync(ChannelReader<PendingWrite> reader, List<PendingWrite> batch, HashSet<GrainId> grains, List<PendingWrite> deferred)
    {
        // The batching window runs on the real clock: it trades latency for throughput, it is not behaviour.
        var start = Stopwatch.GetTimestamp();
        while (batch.Count < _batchSize)
        {
            var remaining = _delay - Stopwatch.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var window = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Take(reader, batch, grains, deferred);
        }
    }

    private void Take(ChannelReader<PendingWrite> reader, List<PendingWrite> batch, HashSet<GrainId> grains, List<PendingWrite> deferred)
    {
        while (batch.Count < _batchSize && reader.TryRead(out var pending))
        {
            Add(pending, batch, grains, deferred);
        }
    }

    private static void Add(PendingWrite pending, List<PendingWrite> batch, HashSet<GrainId> grains, List<PendingWrite> deferred)
    {
        // One write per grain per transaction: a second one expects the version the first creates.
        if (grains.Add(pending.Write.Grain))
        {
            batch.Add(pending);
        }
        else
        {
            deferred.Add(pending);
        }
    }

    private async Task FlushAsync(List<PendingWrite> batch)
    {
        var writes = new StateWrite[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            writes[i] = batch[i].Write;
        }

        var start = Stopwatch.GetTimestamp();
        BatchResult result;
        try
        {
            result = await _storage.WriteBatchAsync(writes, _fence, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RuntimeLog.CommitFailed(_logger, batch.Count, ex);
            foreach (var pending in batch)
            {
                pending.Fail(new InvalidOperationException("The state write was not committed: " + ex.Message, ex));
            }

            Interlocked.Add(ref _depth, -batch.Count);
            return;
        }

        if (result.LostShards.Count > 0)
        {
            // Nothing was written. Writes of lost shards are never acknowledged; the rest go round again.
            _fence!.Lost(result.LostShards);
            var retry = new List<PendingWrite>();
            foreach (var pending in batch)
            {
                if (result.LostShards.Contains(pending.Write.Grain.Shard))
                {
                    pending.Fail(new ShardOwnershipLostException(pending.Write.Grain));
                    Interlocked.Decrement(ref _depth);
                }
                else
                {
                    retry.Add(pending);
                }
            }

            if (retry.Count > 0)
            {
                await FlushAsync(retry).ConfigureAwait(false);
            }

            return;
        }

        var versions = result.Versions;
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _depth, -batch.Count);
        _instruments.Flushed(batch.Count, Stopwatch.GetElapsedTime(start));
        for (var i = 0; i < batch.Count; i++)
        {
            if (versions[i] is { } version)
            {
                batch[i].Complete(version);
            }
            else
            {
                batch[i].Fail(new InconsistentStateException(writes[i].Grain, writes[i].ExpectedVersion));
            }
        }
    }
}
