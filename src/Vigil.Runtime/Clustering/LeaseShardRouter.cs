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
        if (_lastRefresh != long.MinValue && timeProvider.GetElapsedTime(Interlocked.Read(ref _lastRefresh)) < MinimumRefreshInterval)
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
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
            Interlocked.Exchange(ref _lastRefresh, timeProvider.GetTimestamp());
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private Task<DateTimeOffset> CurrentDatabaseTimeAsync(CancellationToken cancellationToken) => leases.DatabaseNowAsync(cancellationToken);
}
