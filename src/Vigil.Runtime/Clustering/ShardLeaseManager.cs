using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// One silo's side of shard ownership. Each cycle renews every held lease in one statement, heartbeats, works out
/// the rendezvous owner of every shard over the live silos, takes what it should own and can (greedy: expired,
/// released or held by a dead silo), and hands off a bounded number of shards it should no longer own. It is
/// the fence of the silo's commits, and it stops serving everything when it has not renewed for
/// <see cref="ClusterOptions.SelfFenceAfter"/> by its own monotonic clock.
/// </summary>
public sealed class ShardLeaseManager(
    MembershipTable membership,
    ShardLeaseTable leases,
    ClusterOptions options,
    TimeProvider timeProvider,
    ILogger<ShardLeaseManager> logger) : IShardFence
{
    private readonly ConcurrentDictionary<int, long> _held = new();
    private readonly ConcurrentDictionary<int, bool> _moving = new();
    private long _lastRenewal;
    private Task _handoff = Task.CompletedTask;

    // Renew-and-replace and release-and-forget must not interleave: a renewal answered just before a release
    // would otherwise put a shard back that this silo is giving away.
    private readonly SemaphoreSlim _leaseGate = new(1, 1);
    private bool _renewedOnce;

    public string SiloId => options.SiloId;

    public bool RecordsCommits => options.RecordCommits;

    public long Incarnation { get; private set; }

    /// <summary>The load figures sent with each heartbeat: activations and calls per second.</summary>
    public Func<(long Activations, double CallsPerSecond)> Load { get; set; } = () => (0, 0);

    /// <summary>Called with shards about to be released, so calls can be held and their state flushed first.</summary>
    public Func<IReadOnlyCollection<int>, Task> HandingOff { get; set; } = _ => Task.CompletedTask;

    /// <summary>Called when a background hand-off has finished, so the next batch need not wait for the next period.</summary>
    public Action HandedOff { get; set; } = () => { };

    /// <summary>True while the last successful renewal is recent enough to keep serving.</summary>
    public bool IsServing => _renewedOnce && timeProvider.GetElapsedTime(Volatile.Read(ref _lastRenewal)) < options.SelfFenceAfter;

    public IReadOnlyDictionary<int, long> Held => _held;

    public long? EpochOf(int shard) => IsServing && _held.TryGetValue(shard, out var epoch) ? epoch : null;

    /// <summary>True while the shard is being handed off: its calls wait for the next owner.</summary>
    public bool IsMoving(int shard) => _moving.ContainsKey(shard);

    public void Lost(IReadOnlyCollection<int> shards)
    {
        foreach (var shard in shards)
        {
            _held.TryRemove(shard, out _);
        }

        ClusterLog.ShardsLost(logger, options.SiloId, shards.Count);
    }

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        Incarnation = await membership.JoinAsync(options.SiloId, options.Address, cancellationToken).ConfigureAwait(false);
        ClusterLog.Joined(logger, options.SiloId, Incarnation);
    }

    /// <summary>One renew-and-rebalance cycle. Failures leave the held set as it was; self-fencing covers the rest.</summary>
    public async Task CycleAsync(CancellationToken cancellationToken)
    {
        await RenewAsync(cancellationToken).ConfigureAwait(false);
        var (activations, callsPerSecond) = Load();
        if (!await membership.HeartbeatAsync(options.SiloId, Incarnation, cancellationToken, activations, callsPerSecond).ConfigureAwait(false))
        {
            // Declared dead or superseded by a newer start of this silo: serve nothing.
            Lost(_held.Keys.ToArray());
            _renewedOnce = false;
            return;
        }

        // A silo silent for longer than the self-fence age serves nothing any more: its shards are up for grabs.
        var live = await membership.ListLiveAsync(options.SelfFenceAfter, cancellationToken).ConfigureAwait(false);
        var wanted = new List<int>();
        var unwanted = new List<int>();
        for (var shard = 0; shard < GrainId.ShardCount; shard++)
        {
            var mine = Rendezvous.OwnerOf(shard, live) == options.SiloId;
            if (mine && !_held.ContainsKey(shard))
            {
                wanted.Add(shard);
            }
            else if (!mine && _held.ContainsKey(shard))
            {
                unwanted.Add(shard);
            }
        }

        if (wanted.Count > 0)
        {
            foreach (var lease in await leases.AcquireAsync(options.SiloId, Incarnation, wanted, cancellationToken).ConfigureAwait(false))
            {
                _held[lease.Shard] = lease.Epoch;
            }
        }

        if (unwanted.Count > 0 && _handoff.IsCompleted)
        {
            // A hand-off waits for grains to deactivate, which may take long; renewals must not wait with it, or
            // one slow grain would fence the whole silo. It runs beside the cycles; one at a time.
            _handoff = HandOffInBackgroundAsync(unwanted.Take(options.MaxHandoffsPerCycle).ToArray());
        }

        var patience = Min(options.RenewPeriod == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : options.RenewPeriod / 2, options.SelfFenceAfter / 4);
        await Task.WhenAny(_handoff, Task.Delay(patience, timeProvider, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Planned shutdown: hand everything off, a bounded batch at a time so the shards not yet moving keep serving,
    /// renewing between batches, then leave the membership.
    /// </summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await _handoff.WaitAsync(cancellationToken).ConfigureAwait(false);
        await membership.SetStatusAsync(options.SiloId, Incarnation, SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
        foreach (var batch in _held.Keys.Order().Chunk(options.MaxHandoffsPerCycle).ToArray())
        {
            await HandOffAsync(batch, cancellationToken).ConfigureAwait(false);
            await RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        await membership.SetStatusAsync(options.SiloId, Incarnation, SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One statement renews every lease still held; what the database no longer lists is dropped here.</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        // The clock is read before the statement is sent, so the silo never believes a lease is younger than it is.
        var attempt = timeProvider.GetTimestamp();
        await _leaseGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var renewed = await leases.RenewAsync(options.SiloId, Incarnation, cancellationToken).ConfigureAwait(false);
            Replace(renewed);
        }
        finally
        {
            _leaseGate.Release();
        }

        Volatile.Write(ref _lastRenewal, attempt);
        _renewedOnce = true;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task HandOffInBackgroundAsync(IReadOnlyCollection<int> shards)
    {
        try
        {
            await HandOffAsync(shards, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The shards come back with the next renewal and are offered again at the next period, not at once:
            // a hand-off that keeps failing must not spin the cycle.
            ClusterLog.HandoffFailed(logger, options.SiloId, shards.Count, ex);
            return;
        }

        HandedOff();
    }

    private async Task HandOffAsync(IReadOnlyCollection<int> shards, CancellationToken cancellationToken)
    {
        // New calls for these shards wait from here; those already here finish and their state is committed.
        foreach (var shard in shards)
        {
            _moving[shard] = true;
        }

        try
        {
            await HandingOff(shards).WaitAsync(cancellationToken).ConfigureAwait(false);
            await _leaseGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var shard in shards)
                {
                    _held.TryRemove(shard, out _);
                }

                await leases.ReleaseAsync(options.SiloId, Incarnation, shards, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _leaseGate.Release();
            }
        }
        finally
        {
            foreach (var shard in shards)
            {
                _moving.TryRemove(shard, out _);
            }
        }
    }

    private void Replace(IReadOnlyList<ShardLease> renewed)
    {
        var still = renewed.ToDictionary(l => l.Shard, l => l.Epoch);
        foreach (var shard in _held.Keys)
        {
            if (!still.ContainsKey(shard))
            {
                _held.TryRemove(shard, out _);
            }
        }

        foreach (var (shard, epoch) in still)
        {
            _held[shard] = epoch;
        }
    }
}
