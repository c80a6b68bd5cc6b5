using Npgsql;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// Reads the cluster's tables straight from PostgreSQL: who holds which lease (by the database clock), and what
/// the commit log (<c>ClusterOptions.RecordCommits</c>) says about who wrote under which lease.
/// </summary>
public sealed class ClusterTables(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<IReadOnlyList<ShardOwner>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT shard, owner_silo, owner_incarnation, epoch, expires_at, expires_at > now() FROM vigil_shard_leases ORDER BY shard");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var owners = new List<ShardOwner>(GrainId.ShardCount);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            owners.Add(new ShardOwner(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetBoolean(5)));
        }

        return owners;
    }

    /// <summary>The shards <paramref name="silo"/> holds under an unexpired lease.</summary>
    public async Task<IReadOnlyList<ShardOwner>> HeldByAsync(string silo, CancellationToken cancellationToken = default) =>
        (await OwnersAsync(cancellationToken).ConfigureAwait(false)).Where(o => o.Live && o.Silo == silo).ToArray();

    /// <summary>
    /// How far the leases are from rendezvous placement over <paramref name="silos"/>: shards not held, under an
    /// unexpired lease, by the silo that should own them. Zero once a scale-out or scale-in has settled.
    /// </summary>
    public async Task<int> MisplacedAsync(IReadOnlyList<string> silos, CancellationToken cancellationToken = default)
    {
        var owners = await OwnersAsync(cancellationToken).ConfigureAwait(false);
        return owners.Count(o => !o.Live || o.Silo != Clustering.Rendezvous.OwnerOf(o.Shard, silos));
    }

    /// <summary>The database clock, which lease expiries are measured on.</summary>
    public async Task<DateTimeOffset> DatabaseNowAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT now()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    /// <summary>(shard, epoch) pairs committed under by more than one silo incarnation: must always be 0.</summary>
    public async Task<long> CommitViolationsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*) FROM (SELECT shard, epoch FROM vigil_commit_log GROUP BY shard, epoch HAVING count(*) > 1) v");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Shards that more than one silo committed under over the run: proof that fencing was exercised.</summary>
    public async Task<long> ShardsCommittedBySeveralSilosAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*) FROM (SELECT shard FROM vigil_commit_log GROUP BY shard HAVING count(DISTINCT silo_id) > 1) s");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Rows of the commit log: distinct (shard, epoch, silo, incarnation) that committed anything.</summary>
    public async Task<long> CommitLogRowsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM vigil_commit_log");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
