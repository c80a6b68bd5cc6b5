using Npgsql;
using NpgsqlTypes;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Grain state in PostgreSQL. A batch is one statement over UNNEST arrays in one transaction, so a flush of a
/// thousand writes costs one round trip and one commit.
/// </summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource) : IGrainStorage
{
    private const long MigrationLockKey = 0x5649_4749_4C00_0001;

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

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, GrainStateSchema.VersionTable, cancellationToken).ConfigureAwait(false);
        await using var current = new NpgsqlCommand("SELECT version FROM vigil_schema WHERE component = @c", connection);
        current.Parameters.AddWithValue("c", GrainStateSchema.Component);
        var applied = await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
        foreach (var migration in GrainStateSchema.Migrations.Where(m => m.Version > applied))
        {
            await ExecuteAsync(connection, migration.Postgres, cancellationToken).ConfigureAwait(false);
        }

        await using var record = new NpgsqlCommand(
            "INSERT INTO vigil_schema VALUES (@c, @v, now()::text) ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, applied_at = EXCLUDED.applied_at",
            connection);
        record.Parameters.AddWithValue("c", GrainStateSchema.Component);
        record.Parameters.AddWithValue("v", GrainStateSchema.LatestVersion);
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

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

    public async Task<IReadOnlyList<long?>> WriteBatchAsync(IReadOnlyList<StateWrite> batch, CancellationToken cancellationToken)
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
        return versions;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
