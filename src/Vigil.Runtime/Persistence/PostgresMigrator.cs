using Npgsql;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Applies a component's migrations once, in order, recording the version in <c>vigil_schema</c>. An advisory
/// lock serialises silos that start together, so each step runs exactly once.
/// </summary>
public static class PostgresMigrator
{
    private const long LockKey = 0x5649_4749_4C00_0001;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, GrainStateSchema.VersionTable, cancellationToken).ConfigureAwait(false);
        await using var current = new NpgsqlCommand("SELECT version FROM vigil_schema WHERE component = @c", connection);
        current.Parameters.AddWithValue("c", component);
        var applied = await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
        if (applied > migrations[^1].Version)
        {
            throw new InvalidOperationException(
                $"The database's {component} schema is at version {applied}, newer than this build knows ({migrations[^1].Version}): upgrade this silo.");
        }

        foreach (var migration in migrations.Where(m => m.Version > applied))
        {
            await ExecuteAsync(connection, migration.Postgres, cancellationToken).ConfigureAwait(false);
        }

        await using var record = new NpgsqlCommand(
            "INSERT INTO vigil_schema VALUES (@c, @v, now()::text) ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, applied_at = EXCLUDED.applied_at WHERE vigil_schema.version < EXCLUDED.version",
            connection);
        record.Parameters.AddWithValue("c", component);
        record.Parameters.AddWithValue("v", migrations[^1].Version);
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
