using Vigil.Runtime.Remoting;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// Routes by the leases: a shard this silo holds (and serves) is local; otherwise the lease table's current holder
/// is asked; a shard being handed off, unheld, or held by this silo while it is fenced has no owner yet.
/// </summary>
public sealed class LeaseShardRouter(ShardLeaseManager manager, ShardLeaseTable leases, MembershipTable membership, TimeProvider timeProvider) : IShardRouter
{
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile string[] _owners = new string[GrainId.ShardCount];
    private long _lastRefresh = long.MinValue;

    public string? OwnerOf(int shard)
    {
        if (manager.EpochOf(shard) is not null && !manager.IsMoving(shard))
        {
            return null;
        }

        var owner = _owners[shard];
        return owner is null || manager.IsMoving(shard) ? string.Empty : owner;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that queued behind a refresh share its result: hundreds of calls waiting on a moving shard
            // must not each read the whole lease table in turn.
            if (IsFresh())
            {
                return;
            }

            // A view is as old as the moment its reads began.
            var started = timeProvider.GetTimestamp();
            var addresses = (await membership.ListAsync(cancellationToken).ConfigureAwait(false))
                .Where(s => s.Status == SiloStatus.Active)
                .ToDictionary(s => (s.SiloId, s.Incarnation), s => s.Address);
            var owners = new string[GrainId.ShardCount];
            var now = await CurrentDatabaseTimeAsync(cancellationToken).ConfigureAwait(false);
            foreach (var lease in await leases.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (lease.OwnerSilo is { } silo && silo != manager.SiloId && lease.ExpiresAt > now
                    && addresses.TryGetValue((silo, lease.OwnerIncarnation ?? 0), out var address))
                {
                    owners[lease.Shard] = address;
                }
            }

            _owners = owners;
            Interlocked.Exchange(ref _lastRefresh, started);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsFresh()
    {
        var last = Interlocked.Read(ref _lastRefresh);
        return last != long.MinValue && timeProvider.GetElapsedTime(last) < MinimumRefreshInterval;
    }

    private Task<DateTimeOffset> CurrentDatabaseTimeAsync(CancellationToken cancellationToken) => leases.DatabaseNowAsync(cancellationToken);
}
