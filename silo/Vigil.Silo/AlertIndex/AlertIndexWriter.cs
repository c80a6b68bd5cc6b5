using Vigil.Grains.Alerts;

namespace Vigil.Silo.AlertIndex;

/// <summary>
/// Feeds the index from this silo's <see cref="AlertFeed"/>: whatever has queued up is written as one batch, so a
/// burst costs few transactions. A failed write is retried (the same batch, with backoff) until it succeeds or the
/// silo stops. Each silo writes the alerts of the grains it hosts, so silos sharing a database share one index.
/// The feed is told after the grain's commit, so a crash between the two loses the update here until the grain's
/// next activation republishes its alerts.
/// </summary>
public sealed partial class AlertIndexWriter(
    AlertFeed feed, AlertIndexStore store, AlertIndexOptions options, TimeProvider time, ILogger<AlertIndexWriter> logger)
    : BackgroundService
{
    private readonly object _signalLock = new();
    private TaskCompletionSource _batchWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private AlertSubscription? _subscription;
    private long _written;
    private long _droppedReported;

    /// <summary>Alerts written since start (each form counts once).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Completes when the next batch has been committed to the index: what tests wait on instead of polling.</summary>
    public Task NextBatchWritten
    {
        get
        {
            lock (_signalLock)
            {
                return _batchWritten.Task;
            }
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before any grain can activate, so not even the first commit's alerts are missed.
        _subscription = feed.Subscribe(options.QueueCapacity);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var entries = _subscription!.Entries;
        var batch = new List<IndexedAlert>(options.MaxBatch);
        try
        {
            await store.EnsureSchemaAsync(stoppingToken);
            while (await entries.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.MaxBatch && entries.TryRead(out var entry))
                {
                    if (entry.Holder is { } holder)
                    {
                        batch.Add(new IndexedAlert(holder.Type, holder.Key, entry.Alert));
                    }
                }
                await WriteAsync(batch, stoppingToken);
                ReportDropped();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is announced again when its grains next activate.
        }
    }

    private async Task WriteAsync(List<IndexedAlert> batch, CancellationToken stoppingToken)
    {
        var delay = options.RetryDelay;
        while (true)
        {
            try
            {
                await store.UpsertAsync(batch, stoppingToken);
                Interlocked.Add(ref _written, batch.Count);
                Signal();
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogWriteFailed(logger, batch.Count, delay, ex);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource done;
        lock (_signalLock)
        {
            done = _batchWritten;
            _batchWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.SetResult();
    }

    private void ReportDropped()
    {
        var dropped = _subscription!.Dropped;
        if (dropped > _droppedReported)
        {
            LogDropped(logger, dropped - _droppedReported);
            _droppedReported = dropped;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert index: writing {Count} alerts failed; retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, int count, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert index: fell behind and lost {Count} alert updates; they return when their grains next activate")]
    private static partial void LogDropped(ILogger logger, long count);
}
