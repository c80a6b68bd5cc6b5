namespace Vigil.Runtime.Scheduling;

/// <summary>
/// One grain in memory. Its mailbox runs on the thread pool one work item at a time, each to completion
/// (awaits included), so turns never overlap and grain code needs no locks.
/// </summary>
internal sealed class Activation : IThreadPoolWorkItem, IGrainContext
{
    private readonly GrainRuntime _runtime;
    private readonly Lock _gate = new();
    private readonly Queue<WorkItem> _queue = new();
    private List<GrainTimer>? _timers;
    private bool _scheduled;
    private ActivationStatus _status = ActivationStatus.Activating;
    private WorkItem? _current;
    private long _lastActivity;
    private bool _deactivateRequested;
    private Grain? _grain;
    private long? _epoch;

    public Activation(GrainRuntime runtime, GrainId id, IEnumerable<WorkItem>? waiting = null)
    {
        _runtime = runtime;
        Id = id;
        _lastActivity = runtime.TimeProvider.GetTimestamp();
        _queue.Enqueue(new ActivateWorkItem());
        foreach (var item in waiting ?? [])
        {
            _queue.Enqueue(item);
        }
    }

    public GrainId Id { get; }

    public Grain Grain => _grain ?? throw new InvalidOperationException($"Grain {Id} is not activated.");

    public IGrainFactory GrainFactory => _runtime;

    public TimeProvider TimeProvider => _runtime.TimeProvider;

    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues work; false once the activation is gone, so the caller routes to a new one.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_gate)
        {
            if (_status == ActivationStatus.Deactivated)
            {
                return false;
            }

            _queue.Enqueue(item);
            if (item.IsActivity)
            {
                // Receiving a call is activity, so an idle deactivation already queued will find the grain busy.
                _lastActivity = _runtime.TimeProvider.GetTimestamp();
            }

            if (_scheduled)
            {
                return true;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    /// <summary>Starts the mailbox of an activation created with work already waiting.</summary>
    public void Schedule()
    {
        lock (_gate)
        {
            if (_scheduled || _queue.Count == 0)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, dueTime, period, _runtime.TimeProvider, _runtime.Logger);
        (_timers ??= []).Add(timer);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer) => _timers?.Remove(timer);

    public void DeactivateOnIdle() => _deactivateRequested = true;

    public Task<StoredState?> ReadStateAsync(CancellationToken cancellationToken) => _runtime.Storage.ReadAsync(Id, cancellationToken);

    public async Task<long> WriteStateAsync(byte[]? payload, long expectedVersion)
    {
        try
        {
            return await _runtime.CommitQueue.EnqueueAsync(new Persistence.StateWrite(Id, payload, expectedVersion)).ConfigureAwait(false);
        }
        catch
        {
            // The state here now differs from what is stored (and after an unclear commit the stored version may
            // not be the one this activation expects, so every later write would conflict): after this turn the
            // activation goes, and the next call reloads what was really committed.
            _deactivateRequested = true;
            throw;
        }
    }

    /// <summary>True when nothing is queued or running and the last call is older than <paramref name="age"/>.</summary>
    public bool IsIdleFor(TimeSpan age)
    {
        lock (_gate)
        {
            return _status == ActivationStatus.Active && _current is null && _queue.Count == 0
                && _runtime.TimeProvider.GetElapsedTime(_lastActivity) >= age;
        }
    }

    /// <summary>Fails every waiting or running call older than the call timeout.</summary>
    public void SweepTimeouts(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_current is ITimedCall running)
            {
                TimeOutIfDue(running, timeout);
            }

            foreach (var item in _queue)
            {
                if (item is ITimedCall waiting)
                {
                    TimeOutIfDue(waiting, timeout);
                }
            }
        }
    }

    public async Task ActivateAsync()
    {
        try
        {
            _epoch = _runtime.EpochOf(Id.Shard);
            _grain = _runtime.Types.Create(Id, _runtime.Services);
            IGrainLifecycle lifecycle = _grain;
            lifecycle.Attach(this);
            await lifecycle.ActivateAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _status = ActivationStatus.Active;
            }

            _runtime.Instruments.ActivationCreated();
        }
        catch (Exception ex)
        {
            // Every call waiting for this activation gets the reason; the next call tries a fresh activation.
            RuntimeLog.ActivationFailed(_runtime.Logger, Id, ex);
            Close(ex);
        }
    }

    public async Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_gate)
        {
            // An idle deactivation queued just before a call arrived finds the grain busy again: keep it.
            var busyAgain = reason == DeactivationReason.Idle
                && _runtime.TimeProvider.GetElapsedTime(_lastActivity) < _runtime.Options.CollectionAge;
            if (_status != ActivationStatus.Active || busyAgain)
            {
                return;
            }

            _status = ActivationStatus.Deactivating;
        }

        DisposeTimers();
        try
        {
            IGrainLifecycle lifecycle = Grain;
            var hook = lifecycle.DeactivateAsync(reason, CancellationToken.None);
            var slow = await Task.WhenAny(hook, Task.Delay(_runtime.Options.DeactivationTimeout, _runtime.TimeProvider)).ConfigureAwait(false);
            if (slow != hook)
            {
                // Never drop an activation whose hook still runs: a second one would run beside it.
                RuntimeLog.DeactivationSlow(_runtime.Logger, Id, _runtime.Options.DeactivationTimeout);
            }

            await hook.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RuntimeLog.DeactivationFailed(_runtime.Logger, Id, ex);
        }

        _runtime.Instruments.ActivationDeactivated();
        Close(null);
    }

    private void TimeOutIfDue(ITimedCall call, TimeSpan timeout)
    {
        if (!call.IsCompleted && _runtime.TimeProvider.GetElapsedTime(call.StartTimestamp) >= timeout)
        {
            call.TimeOut(Id, timeout);
        }
    }

    /// <summary>
    /// Ends the activation. Calls still waiting go, in order, to a successor that replaces this activation in one
    /// step (or fail with <paramref name="failure"/> when activation failed); timer ticks and deactivations are
    /// dropped, so nothing but a call ever brings a grain back.
    /// </summary>
    private void Close(Exception? failure)
    {
        List<WorkItem> leftovers;
        lock (_gate)
        {
            _status = ActivationStatus.Deactivated;
            leftovers = [.. _queue];
            _queue.Clear();
        }

        DisposeTimers();
        var calls = new List<WorkItem>();
        foreach (var item in leftovers)
        {
            if (failure is null && item is ITimedCall)
            {
                calls.Add(item);
            }
            else
            {
                item.Fail(failure ?? new InvalidOperationException($"Grain {Id} was deactivated."));
            }
        }

        _runtime.HandOver(this, calls);
    }

    private void DisposeTimers()
    {
        foreach (var timer in _timers?.ToArray() ?? [])
        {
            timer.Dispose();
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            WorkItem item;
            var shardGone = false;
            lock (_gate)
            {
                if (_queue.Count == 0 || _status == ActivationStatus.Deactivated)
                {
                    _scheduled = false;
                    return;
                }

                // A call that reached this activation after its shard left (or began to leave) this silo, or after
                // the shard was lost and taken back under a new epoch (the state here may be stale), must not run
                // here: the grain goes, and its waiting calls follow the shard or meet a fresh activation.
                shardGone = _status == ActivationStatus.Active && _queue.Peek() is ITimedCall or TimerTick
                    && (!_runtime.ServesLocally(Id.Shard) || _runtime.EpochOf(Id.Shard) != _epoch);
                item = shardGone ? _queue.Peek() : _queue.Dequeue();
                _current = shardGone ? null : item;
            }

            if (shardGone)
            {
                await DeactivateAsync(DeactivationReason.Handoff).ConfigureAwait(false);
                continue;
            }

            try
            {
                await item.ExecuteAsync(this).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                RuntimeLog.WorkItemFailed(_runtime.Logger, Id, ex);
            }

            lock (_gate)
            {
                _current = null;
                if (item.IsActivity)
                {
                    _lastActivity = _runtime.TimeProvider.GetTimestamp();
                }
            }

            if (_deactivateRequested)
            {
                _deactivateRequested = false;
                await DeactivateAsync(DeactivationReason.Requested).ConfigureAwait(false);
            }
        }
    }
}
