using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Remoting;
using Vigil.Runtime.Scheduling;

namespace Vigil.Runtime;

/// <summary>
/// The grains of one silo: routes each call to the grain's single activation (creating it on first call), sweeps
/// timed-out calls, collects idle activations, and owns the group-commit queue.
/// </summary>
public sealed class GrainRuntime : IGrainFactory, IGrainCallInvoker, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly IShardRouter? _router;
    private readonly IShardFence? _fence;
    private readonly RemoteGrainInvoker _remote = new();
    private ITimer? _collector;
    private ITimer? _sweeper;
    private volatile bool _stopping;
    private long _calls;
    private bool _started;

    public GrainRuntime(
        IOptions<GrainRuntimeOptions> options,
        GrainTypeRegistry types,
        IGrainStorage storage,
        IServiceProvider services,
        TimeProvider timeProvider,
        ILogger<GrainRuntime> logger,
        IMeterFactory meterFactory,
        IEnumerable<IShardRouter> routers,
        IEnumerable<IShardFence> fences)
    {
        _router = routers.FirstOrDefault();
        _fence = fences.FirstOrDefault();
        Options = options.Value;
        Types = types;
        Storage = storage;
        Services = services;
        TimeProvider = timeProvider;
        Logger = logger;
        Instruments = new RuntimeInstruments(meterFactory, () => _activations.Count, MailboxDepth, () => CommitQueue?.Depth ?? 0);
        CommitQueue = new CommitQueue(storage, Options.CommitBatchSize, Options.CommitDelay, Instruments, logger, _fence, Options.CommitConcurrency);
    }

    public CommitQueue CommitQueue { get; }

    public int ActivationCount => _activations.Count;

    /// <summary>Calls made through this runtime since it started (a rate is two readings apart).</summary>
    public long CallCount => Interlocked.Read(ref _calls);

    internal GrainRuntimeOptions Options { get; }

    internal GrainTypeRegistry Types { get; }

    internal IGrainStorage Storage { get; }

    internal IServiceProvider Services { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal RuntimeInstruments Instruments { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Storage.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _collector = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).CollectIdle(), this, Options.CollectionQuantum, Options.CollectionQuantum);
        var sweep = TimeSpan.FromTicks(Math.Max(Options.CallTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 10));
        _sweeper = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).SweepTimeouts(), this, sweep, sweep);
        _started = true;
    }

    /// <summary>Deactivates every activation (writing dirty state), then commits everything queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            return;
        }

        _collector?.Dispose();
        _sweeper?.Dispose();

        // From here nothing new activates; calls still reach grains being deactivated, and deactivation hooks may
        // call grains that are still active.
        _stopping = true;
        var pending = new List<Task>();
        try
        {
            while (!_activations.IsEmpty)
            {
                pending.Clear();
                foreach (var activation in _activations.Values)
                {
                    var item = new DeactivateWorkItem(DeactivationReason.Shutdown);
                    if (activation.TryEnqueue(item))
                    {
                        pending.Add(item.Completion);
                    }
                }

                await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // A turn that never ends must not keep the silo from stopping; what it would have written is lost.
            RuntimeLog.ShutdownAbandoned(Logger, pending.Count(t => !t.IsCompleted));
        }
        finally
        {
            await CommitQueue.DisposeAsync().ConfigureAwait(false);
        }
    }

    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return GrainReferenceRegistry.Create<TGrain>(key, this);
    }

    public Task<TResult> InvokeAsync<TResult>(GrainId grain, GrainRequest<TResult> request)
    {
        if (_router?.OwnerOf(grain.Shard) is not null)
        {
            return InvokeRemoteAsync(grain, request, oneWay: false);
        }

        var call = new GrainCall<TResult>(request, TimeProvider.GetTimestamp(), oneWay: false, Logger);
        Instruments.Call();
        Interlocked.Increment(ref _calls);
        Route(grain, call);
        return call.Task;
    }

    public void InvokeOneWay<TResult>(GrainId grain, GrainRequest<TResult> request)
    {
        if (_router?.OwnerOf(grain.Shard) is not null)
        {
            _ = InvokeRemoteAsync(grain, request, oneWay: true).ContinueWith(
                t => RuntimeLog.OneWayCallFailed(Logger, request.MethodName, t.Exception!),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            return;
        }

        Instruments.Call();
        Interlocked.Increment(ref _calls);
        Route(grain, new GrainCall<TResult>(request, TimeProvider.GetTimestamp(), oneWay: true, Logger));
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        Instruments.Dispose();
        _remote.Dispose();
    }

    /// <summary>
    /// A call for a shard another silo owns: sent there; on a redirect the owners are looked up again and the call
    /// follows, until the call timeout. A shard that turns out to be ours runs here.
    /// </summary>
    private async Task<TResult> InvokeRemoteAsync<TResult>(GrainId grain, GrainRequest<TResult> request, bool oneWay)
    {
        Instruments.Call();
        Interlocked.Increment(ref _calls);
        var started = TimeProvider.GetTimestamp();
        while (true)
        {
            var owner = _router!.OwnerOf(grain.Shard);
            if (owner is null)
            {
                var local = new GrainCall<TResult>(request, TimeProvider.GetTimestamp(), oneWay, Logger);
                Route(grain, local);
                return await local.Task.ConfigureAwait(false);
            }

            if (owner.Length > 0)
            {
                Remoting.V1.GrainCallResult? result;
                try
                {
                    result = await _remote.SendAsync(owner, grain, request, oneWay, Options.CallTimeout - TimeProvider.GetElapsedTime(started)).ConfigureAwait(false);
                }
                catch (Grpc.RpcException ex) when (ex.StatusCode == Grpc.StatusCode.DeadlineExceeded)
                {
                    throw new GrainCallTimeoutException(grain, request.MethodName, Options.CallTimeout);
                }
                catch (Grpc.RpcException ex) when (ex.StatusCode == Grpc.StatusCode.Aborted)
                {
                    throw new RemoteCallOutcomeUnknownException(grain, request.MethodName, ex.Status.Detail);
                }
                catch (Grpc.RpcException ex) when (ex.StatusCode == Grpc.StatusCode.Unavailable)
                {
                    // The owner is unreachable (stopping or gone): its shards will have a new owner shortly.
                    result = null;
                }

                switch (result?.OutcomeCase)
                {
                    case Remoting.V1.GrainCallResult.OutcomeOneofCase.Value:
                        return GrainCallCodec.DecodeResult<TResult>(result.Value.Span);
                    case Remoting.V1.GrainCallResult.OutcomeOneofCase.Error:
                        throw new RemoteGrainException(result.Error.Type, result.Error.Message);
                }
            }

            if (TimeProvider.GetElapsedTime(started) >= Options.CallTimeout)
            {
                throw new GrainCallTimeoutException(grain, request.MethodName, Options.CallTimeout);
            }

            // Ownership is moving: look again after a short pause rather than hammering either silo.
            await _router.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider).ConfigureAwait(false);
        }
    }

    internal void Route(GrainId grain, WorkItem item)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            Activation? activation;
            if (_stopping)
            {
                // While stopping, calls reach grains still active, but nothing new is activated.
                if (!_activations.TryGetValue(grain, out activation))
                {
                    item.Fail(new InvalidOperationException($"The silo is stopping: grain {grain} takes no more calls here."));
                    return;
                }
            }
            else
            {
                activation = _activations.GetOrAdd(grain, static (id, runtime) => new Activation(runtime, id), this);
            }

            if (activation.TryEnqueue(item))
            {
                return;
            }

            // The activation is closing; it replaces itself in the directory in a moment.
            spinner.SpinOnce();
        }
    }

    /// <summary>
    /// Replaces a closed activation: by a successor that already holds the calls that were waiting (so they run
    /// first, in order), or by nothing.
    /// </summary>
    internal void HandOver(Activation closed, List<WorkItem> waitingCalls)
    {
        if (waitingCalls.Count == 0 || _stopping)
        {
            foreach (var call in waitingCalls)
            {
                call.Fail(new InvalidOperationException($"The silo is stopping: grain {closed.Id} takes no more calls here."));
            }

            _activations.TryRemove(KeyValuePair.Create(closed.Id, closed));
            return;
        }

        if (_router?.OwnerOf(closed.Id.Shard) is not null)
        {
            // The shard moved (or is moving): the waiting calls follow it.
            _activations.TryRemove(KeyValuePair.Create(closed.Id, closed));
            foreach (var call in waitingCalls)
            {
                ((ITimedCall)call).Resend(this, closed.Id);
            }

            return;
        }

        var successor = new Activation(this, closed.Id, waitingCalls);
        if (_activations.TryUpdate(closed.Id, successor, closed))
        {
            successor.Schedule();
        }
    }

    /// <summary>True when calls for the shard run on this silo (always, outside a cluster).</summary>
    internal bool ServesLocally(int shard) => _router?.OwnerOf(shard) is null;

    /// <summary>The lease epoch this silo holds the shard at; null outside a cluster or when not held.</summary>
    internal long? EpochOf(int shard) => _fence?.EpochOf(shard);

    /// <summary>
    /// Deactivates every activation of <paramref name="shards"/> (their dirty state committed) before the shards are
    /// handed to another silo. Calls for those shards are already routed away by then.
    /// </summary>
    public async Task DeactivateShardsAsync(IReadOnlyCollection<int> shards)
    {
        var moving = shards as ISet<int> ?? new HashSet<int>(shards);
        var pending = new List<Task>();
        foreach (var activation in _activations.Values)
        {
            if (moving.Contains(activation.Id.Shard))
            {
                var item = new DeactivateWorkItem(DeactivationReason.Handoff);
                if (activation.TryEnqueue(item))
                {
                    pending.Add(item.Completion);
                }
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private void CollectIdle()
    {
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleFor(Options.CollectionAge))
            {
                activation.TryEnqueue(new DeactivateWorkItem(DeactivationReason.Idle));
            }
        }
    }

    private void SweepTimeouts()
    {
        foreach (var activation in _activations.Values)
        {
            activation.SweepTimeouts(Options.CallTimeout);
        }
    }

    private long MailboxDepth()
    {
        long depth = 0;
        foreach (var activation in _activations.Values)
        {
            depth += activation.QueueLength;
        }

        return depth;
    }
}
