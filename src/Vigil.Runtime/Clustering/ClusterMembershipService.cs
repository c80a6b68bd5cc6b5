using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Runtime.Remoting;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// Runs this silo's part in the cluster: join, a renew-and-rebalance cycle every <see cref="ClusterOptions.RenewPeriod"/>
/// and at once whenever another silo announces a change or a hand-off of this silo's finishes (an infinite period
/// leaves cycles to the caller, as tests do), and on planned shutdown a handoff of every shard. The hand-off runs
/// in <see cref="StoppingAsync"/>, before any hosted service stops, so the web server still carries other silos'
/// calls to the shards not yet moved; <see cref="Departed"/> fires when it is over.
/// </summary>
public sealed class ClusterMembershipService(
    ShardLeaseManager manager,
    GrainRuntime runtime,
    IShardRouter router,
    MembershipTable membership,
    ClusterSignals signals,
    ClusterOptions options,
    TimeProvider timeProvider,
    ILogger<ClusterMembershipService> logger) : IHostedLifecycleService, ISiloDeparture, IAsyncDisposable
{
    private static readonly TimeSpan MinimumSpacing = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _departed = new();
    private readonly Lock _leaving = new();
    private Task? _leave;
    private int _disposed;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Task _loop = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;
    private (long Calls, long Timestamp) _lastReading;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await membership.InitializeAsync(cancellationToken).ConfigureAwait(false);
        manager.HandingOff = runtime.DeactivateShardsAsync;
        manager.Load = MeasureLoad;
        manager.HandedOff = Wake;
        await manager.JoinAsync(cancellationToken).ConfigureAwait(false);
        await CycleAsync(cancellationToken).ConfigureAwait(false);
        if (options.RenewPeriod != Timeout.InfiniteTimeSpan)
        {
            _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
            _listener = Task.Run(() => signals.ListenAsync(options.SiloId, Wake, _stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>Asks for a cycle now rather than at the next period (several requests make one cycle).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Raised after every cycle, whether it succeeded or not: something to wait on instead of the clock.</summary>
    public event Action? Cycled;

    /// <summary>One cycle, then a fresh view of who owns what.</summary>
    public async Task CycleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await manager.CycleAsync(cancellationToken).ConfigureAwait(false);
            await router.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Cycled?.Invoke();
        }
    }

    public CancellationToken Departed => _departed.Token;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Planned shutdown, while every hosted service (the web server among them) still runs.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken) => LeaveOnceAsync(cancellationToken);

    /// <summary>Leaves if <see cref="StoppingAsync"/> did not run (a host without lifecycle callbacks).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => LeaveOnceAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // The container disposes this once per registration that hands it out.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A host disposed without being stopped (a start that failed later on) must not leave loops running.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _listener.ConfigureAwait(false);
        _stopping.Dispose();
        _departed.Cancel();
        _departed.Dispose();
    }

    private Task LeaveOnceAsync(CancellationToken cancellationToken)
    {
        lock (_leaving)
        {
            return _leave ??= LeaveAsync(cancellationToken);
        }
    }

    private async Task LeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            await _listener.ConfigureAwait(false);
            await manager.LeaveAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _departed.CancelAsync().ConfigureAwait(false);
        }
    }

    private (long Activations, double CallsPerSecond) MeasureLoad()
    {
        var now = (runtime.CallCount, timeProvider.GetTimestamp());
        var previous = _lastReading;
        _lastReading = now;
        var seconds = previous.Timestamp == 0 ? 0 : timeProvider.GetElapsedTime(previous.Timestamp, now.Item2).TotalSeconds;
        return (runtime.ActivationCount, seconds > 0 ? (now.Item1 - previous.Calls) / seconds : 0);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await NextCycleDueAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await CycleAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next cycle tries again; if none succeeds the silo fences itself.
                    ClusterLog.CycleFailed(logger, options.SiloId, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Waits for the renew period to pass or for a wake-up, whichever is first; wake-ups stay a little apart.</summary>
    private async Task NextCycleDueAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(MinimumSpacing, timeProvider, cancellationToken).ConfigureAwait(false);
        using var period = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var due = Task.Delay(options.RenewPeriod, timeProvider, period.Token);
        var woken = _wake.Reader.WaitToReadAsync(period.Token).AsTask();
        await Task.WhenAny(due, woken).ConfigureAwait(false);
        await period.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _wake.Reader.TryRead(out _);
    }
}
