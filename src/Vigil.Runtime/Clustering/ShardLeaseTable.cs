using Npgsql;
using NpgsqlTypes;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// Shard ownership. A lease is taken only when its holder has not renewed for <paramref name="takeoverAfter"/>
/// (by then the holder has fenced itself by its own clock), when it was released, or when it belongs to a silo
/// that is dead or has restarted since; every take adds one to the epoch. Times are the database's clock. Rows
/// locked by a commit in flight (its fence check holds them shared) are skipped, not waited for: a stalled holder
/// cannot stall the taker's cycle, and the shard is taken in a later cycle.
/// </summary>
public sealed class ShardLeaseTable(NpgsqlDataSource dataSource, TimeSpan timeToLive, TimeSpan? takeoverAfter = null)
{
    private readonly TimeSpan _takeoverMargin = timeToLive - (takeoverAfter ?? timeToLive);

    public TimeSpan TimeToLive => timeToLive;

    public async Task<IReadOnlyList<ShardLease>> AcquireAsync(string siloId, long incarnation, IReadOnlyCollection<int> shards, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE vigil_shard_leases AS l
            SET owner_silo = @silo, owner_incarnation = @inc, epoch = l.epoch + 1, expires_at = now() + @ttl
            WHERE l.shard IN (
                SELECT c.shard FROM vigil_shard_leases AS c
                WHERE c.shard = ANY(@shards)
                  AND (c.expires_at <= now() + @margin
                       OR c.owner_silo IS NULL
                       OR NOT EXISTS (SELECT 1 FROM vigil_silos m
                                      WHERE m.silo_id = c.owner_silo AND m.incarnation = c.owner_incarnation AND m.status <> 'Dead'))
                ORDER BY c.shard
                FOR UPDATE SKIP LOCKED)
            RETURNING l.shard, l.epoch
            """);
        Bind(command, siloId, incarnation);
        command.Parameters.AddWithValue("margin", _takeoverMargin);
        command.Parameters.Add(new NpgsqlParameter("shards", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = shards.ToArray() });
        return await ReadLeasesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One statement renews every unexpired lease this incarnation holds; returns what it still holds.</summary>
    public async Task<IReadOnlyList<ShardLease>> RenewAsync(string siloId, long incarnation, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE vigil_shard_leases SET expires_at = now() + @ttl
            WHERE shard IN (SELECT shard FROM vigil_shard_leases
                            WHERE owner_silo = @silo AND owner_incarnation = @inc AND expires_at > now()
                            ORDER BY shard
                            FOR NO KEY UPDATE)
            RETURNING shard, epoch
            """);
        Bind(command, siloId, incarnation);
        return await ReadLeasesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives shards up at once (planned handoff): the next owner need not wait for expiry.</summary>
    public async Task ReleaseAsync(string siloId, long incarnation, IReadOnlyCollection<int> shards, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE vigil_shard_leases SET expires_at = now()
            WHERE owner_silo = @silo AND owner_incarnation = @inc AND shard = ANY(@shards);
            {ClusterSignals.Announce}
            """);
        Bind(command, siloId, incarnation);
        command.Parameters.Add(new NpgsqlParameter("shards", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = shards.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset> DatabaseNowAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT now()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    public async Task<IReadOnlyList<ShardLeaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT shard, owner_silo, owner_incarnation, epoch, expires_at FROM vigil_shard_leases ORDER BY shard");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<ShardLeaseRecord>(GrainId.ShardCount);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new ShardLeaseRecord(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return leases;
    }

    private void Bind(NpgsqlCommand command, string siloId, long incarnation)
    {
        command.Parameters.AddWithValue("silo", siloId);
        command.Parameters.AddWithValue("inc", incarnation);
        command.Parameters.AddWithValue("ttl", timeToLive);
    }

    private static async Task<IReadOnlyList<ShardLease>> ReadLeasesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<ShardLease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new ShardLease(reader.GetInt32(0), reader.GetInt64(1)));
        }

        return leases;
    }
}
