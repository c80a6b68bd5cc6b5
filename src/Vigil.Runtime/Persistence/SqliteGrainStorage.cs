using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// The embedded default: one SQLite file, WAL journal with full sync, so a committed write survives a crash.
/// Only the commit queue writes, one batch at a time, on its own connection.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const string Upsert = """
        INSERT INTO vigil_grain_state (grain_type, grain_key, payload, version, modified_at, shard)
        SELECT $type, $key, $payload, $expected + 1, $now, $shard
        WHERE $expected = 0 OR EXISTS (SELECT 1 FROM vigil_grain_state WHERE grain_type = $type AND grain_key = $key)
        ON CONFLICT (grain_type, grain_key) DO UPDATE
            SET payload = excluded.payload, version = excluded.version, modified_at = excluded.modified_at
            WHERE vigil_grain_state.version = excluded.version - 1
        RETURNING version
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private SqliteConnection? _writeConnection;

    public SqliteGrainStorage(string path, TimeProvider timeProvider)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _timeProvider = timeProvider;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _writeConnection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(_writeConnection, "PRAGMA journal_mode = WAL");
        Execute(_writeConnection, "PRAGMA synchronous = FULL");
        Execute(_writeConnection, "BEGIN IMMEDIATE");
        try
        {
            Execute(_writeConnection, GrainStateSchema.VersionTable);
            using var current = _writeConnection.CreateCommand();
            current.CommandText = "SELECT version FROM vigil_schema WHERE component = $c";
            current.Parameters.AddWithValue("$c", GrainStateSchema.Component);
            var applied = current.ExecuteScalar() is long v ? (int)v : 0;
            if (applied > GrainStateSchema.LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The store's schema is at version {applied}, newer than this build knows ({GrainStateSchema.LatestVersion}): upgrade this silo.");
            }

            foreach (var migration in GrainStateSchema.Migrations.Where(m => m.Version > applied))
            {
                Execute(_writeConnection, migration.Sqlite);
            }

            using var record = _writeConnection.CreateCommand();
            record.CommandText = "INSERT INTO vigil_schema VALUES ($c, $v, $t) ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at WHERE vigil_schema.version < excluded.version";
            record.Parameters.AddWithValue("$c", GrainStateSchema.Component);
            record.Parameters.AddWithValue("$v", GrainStateSchema.LatestVersion);
            record.Parameters.AddWithValue("$t", _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            Execute(_writeConnection, "COMMIT");
        }
        catch
        {
            Execute(_writeConnection, "ROLLBACK");
            throw;
        }
    }

    public async Task<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, version FROM vigil_grain_state WHERE grain_type = $type AND grain_key = $key";
        command.Parameters.AddWithValue("$type", grain.Type);
        command.Parameters.AddWithValue("$key", grain.Key);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredState(reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetInt64(1))
            : null;
    }

    public async Task<BatchResult> WriteBatchAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken)
    {
        InMemoryGrainStorage.NoFence(fence);
        var connection = _writeConnection ?? throw new InvalidOperationException("The storage is not initialized.");
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var versions = new long?[batch.Count];
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            var type = command.Parameters.Add("$type", SqliteType.Text);
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var payload = command.Parameters.Add("$payload", SqliteType.Blob);
            var expected = command.Parameters.Add("$expected", SqliteType.Integer);
            var shard = command.Parameters.Add("$shard", SqliteType.Integer);
            command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            command.Prepare();
            for (var i = 0; i < batch.Count; i++)
            {
                type.Value = batch[i].Grain.Type;
                key.Value = batch[i].Grain.Key;
                payload.Value = (object?)batch[i].Payload ?? DBNull.Value;
                expected.Value = batch[i].ExpectedVersion;
                shard.Value = batch[i].Grain.Shard;
                versions[i] = command.ExecuteScalar() is long version ? version : null;
            }

            transaction.Commit();
            return BatchResult.Written(versions);
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose()
    {
        _writeConnection?.Dispose();
        _writer.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(connection, "PRAGMA busy_timeout = 5000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
