using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Runtime.Remoting;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// Runs this silo's part in the cluster: join, a renew-and-rebalance cycle every <see cref="ClusterOptions.RenewPeriod"/>
/// (an infinite period leaves cycles to the caller, as tests do), and on planned shutdown a handoff of every shard.
/// </summary>
public sealed class ClusterMembershipService(
    ShardLeaseManager manager,
    GrainRuntime runtime,
    IShardRouter router,
    MembershipTable membership,
    ClusterOptions options,
    TimeProvider timeProvider,
    ILogger<ClusterMembershipService> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private (long Calls, long Timestamp) _lastReading;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await membership.InitializeAsync(cancellationToken).ConfigureAwait(false);
        manager.HandingOff = runtime.DeactivateShardsAsync;
        manager.Load = MeasureLoad;
        await manager.JoinAsync(cancellationToken).ConfigureAwait(false);
        await CycleAsync(cancellationToken).ConfigureAwait(false);
        if (options.RenewPeriod != Timeout.InfiniteTimeSpan)
        {
            _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>One cycle, then a fresh view of who owns what.</summary>
    public async Task CycleAsync(CancellationToken cancellationToken)
    {
        await manager.CycleAsync(cancellationToken).ConfigureAwait(false);
        await router.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await manager.LeaveAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return default;
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
        using var timer = new PeriodicTimer(options.RenewPeriod, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
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
}
