using System.Threading.Channels;
using Vigil.Contracts.Events.V1;
using Vigil.Grpc;
using Vigil.Grpc.Client;

namespace Vigil.Sensor.Client;

/// <summary>
/// One sensor's stream to a silo. <see cref="SendAsync"/> numbers a batch and queues it; a background loop keeps
/// a <c>vigil.v1.SensorIngest</c> call open, sends what is queued, and forgets batches once the silo acknowledges
/// them durable. When the call breaks it reconnects with backoff and replays every unacknowledged batch in order
/// (the silo ignores those it had already applied). A status that a retry cannot cure (a bad token, a malformed or
/// oversized batch) faults the client instead: waiters and senders get that <see cref="RpcException"/>.
/// </summary>
public sealed class SensorIngestClient : IAsyncDisposable
{
    private readonly SensorIngestClientOptions _options;
    private readonly GrpcChannel _channel;
    private readonly Lock _gate = new();
    private readonly Queue<EventBatch> _unacknowledged = new();
    private readonly SemaphoreSlim _window;
    private readonly Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _halt = new();
    private TaskCompletionSource _changed = NewSignal();
    private ulong _lastSequence;
    private ulong _acknowledged;
    private Exception? _fault;
    private Task _loop = Task.CompletedTask;
    private int _connections;

    private SensorIngestClient(SensorIngestClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxUnacknowledgedBatches, 1);
        _options = options;
        _channel = new GrpcChannel(options.Address, options.Channel);
        _window = new SemaphoreSlim(options.MaxUnacknowledgedBatches, options.MaxUnacknowledgedBatches);
    }

    /// <summary>Raised, off the caller's thread, with the new cumulative acknowledgement each time it rises.</summary>
    public event Action<ulong>? Acknowledged;

    /// <summary>The sequence of the last batch queued.</summary>
    public ulong LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Every batch up to this sequence is durably committed by the silo.</summary>
    public ulong AcknowledgedThrough
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged;
            }
        }
    }

    /// <summary>Calls the silo welcomed so far: 1 after the first connect, one more per reconnect.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Why the last call broke, for logs; null while the first one holds.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Creates the client and starts connecting in the background.</summary>
    public static SensorIngestClient Start(SensorIngestClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new SensorIngestClient(options);
        client._loop = Task.Run(client.RunAsync);
        return client;
    }

    /// <summary>
    /// Queues a batch and returns its sequence; waits while <see cref="SensorIngestClientOptions.MaxUnacknowledgedBatches"/>
    /// are unacknowledged. The events must not be changed afterwards: they may be sent again.
    /// </summary>
    public async ValueTask<ulong> SendAsync(IEnumerable<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ThrowIfHalted();
        if (!_window.Wait(0))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _halt.Token);
            try
            {
                await _window.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                ThrowIfHalted();
                throw;
            }
        }

        ulong sequence;
        lock (_gate)
        {
            sequence = ++_lastSequence;
            var batch = new EventBatch { SenderId = _options.SensorId, SenderIncarnation = _options.Incarnation, Sequence = sequence };
            batch.Events.AddRange(events);
            _unacknowledged.Enqueue(batch);
        }

        _wake.Writer.TryWrite(true);
        return sequence;
    }

    /// <summary>Completes once every batch up to <paramref name="sequence"/> is acknowledged; throws if the client faults first.</summary>
    public async Task WaitForAcknowledgedAsync(ulong sequence, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_acknowledged >= sequence)
                {
                    return;
                }

                if (_fault is not null)
                {
                    throw _fault;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes once everything queued so far is acknowledged.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => WaitForAcknowledgedAsync(LastSequence, cancellationToken);

    /// <summary>Closes the call. Batches not yet acknowledged are dropped: flush first to keep them.</summary>
    public async ValueTask DisposeAsync()
    {
        Halt(new ObjectDisposedException(nameof(SensorIngestClient)));
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _channel.Dispose();
        _halt.Dispose();
        _window.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Statuses a reconnect would only meet again: the sender or its data must change first.</summary>
    private static bool IsFatal(StatusCode code) => code is StatusCode.InvalidArgument or StatusCode.ResourceExhausted
        or StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.Unimplemented;

    private async Task RunAsync()
    {
        var backoff = _options.InitialBackoff;
        var token = _halt.Token;
        while (!token.IsCancellationRequested)
        {
            var welcomed = false;
            try
            {
                await new SensorStream(this, token).RunAsync(() => welcomed = true).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException ex) when (IsFatal(ex.StatusCode))
            {
                LastError = ex;
                Halt(ex);
                return;
            }
            catch (Exception ex)
            {
                LastError = ex;
            }

            if (welcomed)
            {
                backoff = _options.InitialBackoff;
            }

            try
            {
                await Task.Delay(backoff, _options.TimeProvider, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
        }
    }

    private void Halt(Exception reason)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _fault ??= reason;
            changed = _changed;
            _changed = NewSignal();
        }

        _halt.Cancel();
        changed.TrySetResult();
    }

    private void ThrowIfHalted()
    {
        lock (_gate)
        {
            if (_fault is not null)
            {
                throw _fault;
            }
        }
    }

    internal SensorIngestClientOptions Options => _options;

    internal GrpcChannel Channel => _channel;

    /// <summary>Waits until a batch may have been queued since the last wake-up.</summary>
    internal ValueTask<bool> WaitForWorkAsync(CancellationToken cancellationToken) => _wake.Reader.ReadAsync(cancellationToken);

    internal void OnWelcome() => Interlocked.Increment(ref _connections);

    internal void OnAck(ulong through)
    {
        TaskCompletionSource changed;
        var released = 0;
        lock (_gate)
        {
            if (through <= _acknowledged)
            {
                return;
            }

            _acknowledged = Math.Min(through, _lastSequence);
            while (_unacknowledged.TryPeek(out var oldest) && oldest.Sequence <= _acknowledged)
            {
                _unacknowledged.Dequeue();
                released++;
            }

            changed = _changed;
            _changed = NewSignal();
        }

        if (released > 0)
        {
            _window.Release(released);
        }

        changed.TrySetResult();
        Acknowledged?.Invoke(through);
    }

    /// <summary>The next batch to send after <paramref name="sent"/>, or null when everything queued has gone.</summary>
    internal EventBatch? NextAfter(ulong sent)
    {
        lock (_gate)
        {
            foreach (var batch in _unacknowledged)
            {
                if (batch.Sequence > sent)
                {
                    return batch;
                }
            }

            return null;
        }
    }
}
