using Npgsql;
using NpgsqlTypes;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Grain state in PostgreSQL. A batch is one statement over UNNEST arrays in one transaction, so a flush of a
/// thousand writes costs one round trip and one commit.
/// </summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource) : IGrainStorage
{
    private const string Upsert = """
        INSERT INTO vigil_grain_state AS s (grain_type, grain_key, payload, version, modified_at, shard)
        SELECT u.t, u.k, u.p, u.e + 1, now(), u.sh
        FROM UNNEST(@types, @keys, @payloads, @expected, @shards) AS u(t, k, p, e, sh)
        WHERE u.e = 0 OR EXISTS (SELECT 1 FROM vigil_grain_state x WHERE x.grain_type = u.t AND x.grain_key = u.k)
        ON CONFLICT (grain_type, grain_key) DO UPDATE
            SET payload = EXCLUDED.payload, version = EXCLUDED.version, modified_at = EXCLUDED.modified_at
            WHERE s.version = EXCLUDED.version - 1
        RETURNING s.grain_type, s.grain_key, s.version
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        PostgresMigrator.ApplyAsync(dataSource, GrainStateSchema.Component, GrainStateSchema.Migrations, cancellationToken);

    public async Task<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT payload, version FROM vigil_grain_state WHERE grain_type = @t AND grain_key = @k");
        command.Parameters.AddWithValue("t", grain.Type);
        command.Parameters.AddWithValue("k", grain.Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredState(reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), reader.GetInt64(1))
            : null;
    }

    public async Task<BatchResult> WriteBatchAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken)
    {
        // Lease rows are locked in shard order everywhere, but a deadlock or serialization failure is still
        // possible against other statements; the transaction rolled back whole, so it is safe to run again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteBatchOnceAsync(batch, fence, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (attempt < 3 && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
            }
        }
    }

    private async Task<BatchResult> WriteBatchOnceAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken)
    {
        var types = new string[batch.Count];
        var keys = new string[batch.Count];
        var payloads = new byte[]?[batch.Count];
        var expected = new long[batch.Count];
        var shards = new int[batch.Count];
        var index = new Dictionary<(string, string), int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            (types[i], keys[i], payloads[i], expected[i], shards[i]) = (batch[i].Grain.Type, batch[i].Grain.Key, batch[i].Payload, batch[i].ExpectedVersion, batch[i].Grain.Shard);
            index[(types[i], keys[i])] = i;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (fence is not null)
        {
            var lost = await ShardFenceCheck.LostShardsAsync(connection, transaction, fence, shards, cancellationToken).ConfigureAwait(false);
            if (lost.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return BatchResult.Fenced(lost);
            }
        }

        await using var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = types });
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = payloads });
        command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = expected });
        command.Parameters.Add(new NpgsqlParameter("shards", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = shards });
        var versions = new long?[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions[index[(reader.GetString(0), reader.GetString(1))]] = reader.GetInt64(2);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return BatchResult.Written(versions);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
