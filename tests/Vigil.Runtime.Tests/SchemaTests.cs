using Vigil.Runtime.Persistence;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task Concurrent_initialization_applies_every_migration_once_and_keeps_data(string kind)
    {
        using var storage = TestStorage.Create(kind);
        var first = await storage.OpenSeparateAsync();
        var grain = new GrainId("test.schema", Guid.NewGuid().ToString());
        Assert.Equal([1], (await first.WriteBatchAsync([new StateWrite(grain, [42], 0)], null, CancellationToken.None)).Versions);

        // Several silos starting at once against the same database.
        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => storage.OpenSeparateAsync()));

        var stored = await others[3].ReadAsync(grain, CancellationToken.None);
        Assert.Equal([42], stored!.Payload);
        Assert.Equal(1, stored.Version);
        Assert.Equal(GrainStateSchema.LatestVersion, await SchemaVersionAsync(storage));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task A_store_migrated_by_a_newer_build_is_refused_not_downgraded(string kind)
    {
        using var storage = TestStorage.CreateIsolated(kind);
        await storage.OpenSeparateAsync();
        await SetSchemaVersionAsync(storage, 99);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(storage.OpenSeparateAsync);

        Assert.Contains("newer than this build knows", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, await SchemaVersionAsync(storage));
    }

    [Fact]
    public async Task PostgreSQL_compresses_payloads_with_lz4_when_the_server_has_it()
    {
        using var storage = TestStorage.CreateIsolated(TestStorage.Postgres);
        await storage.OpenSeparateAsync();

        await using var source = Npgsql.NpgsqlDataSource.Create(storage.Location);
        await using var offered = source.CreateCommand("SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression'");
        await using var column = source.CreateCommand(
            "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'vigil_grain_state'::regclass AND attname = 'payload'");
        var expected = (bool)(await offered.ExecuteScalarAsync(TestContext.Current.CancellationToken))! ? "l" : "";
        Assert.Equal(expected, await column.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string);
    }

    [Fact]
    public void Migrations_are_numbered_in_order_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, GrainStateSchema.Migrations.Count), GrainStateSchema.Migrations.Select(m => m.Version));
    }

    private static async Task<long> SchemaVersionAsync(TestStorage storage)
    {
        if (storage.Kind == TestStorage.Postgres)
        {
            await using var source = Npgsql.NpgsqlDataSource.Create(storage.Location);
            await using var command = source.CreateCommand("SELECT version FROM vigil_schema WHERE component = 'grain_state'");
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storage.Location}");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT version FROM vigil_schema WHERE component = 'grain_state'";
        return Convert.ToInt64(await query.ExecuteScalarAsync());
    }

    private static async Task SetSchemaVersionAsync(TestStorage storage, int version)
    {
        const string sql = "UPDATE vigil_schema SET version = {0} WHERE component = 'grain_state'";
        if (storage.Kind == TestStorage.Postgres)
        {
            await using var source = Npgsql.NpgsqlDataSource.Create(storage.Location);
            await using var command = source.CreateCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, version));
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storage.Location}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, version);
        await update.ExecuteNonQueryAsync();
    }
}
