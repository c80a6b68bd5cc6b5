using Npgsql;

namespace Vigil.TestSupport;

/// <summary>
/// A database of its own on the test command's PostgreSQL (<c>VIGIL_TEST_POSTGRES</c>), dropped afterwards: for
/// tests of cluster-wide tables, which must not share a database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The test command's PostgreSQL, or null when none was provided (run ./test.sh to get one).</summary>
    public static string? Server => Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static async Task<TestDatabase> CreateAsync(string admin)
    {
        var name = "vigil_silo_" + Guid.NewGuid().ToString("N");
        await using var source = NpgsqlDataSource.Create(admin);
        await using var create = source.CreateCommand($"CREATE DATABASE {name}");
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var source = NpgsqlDataSource.Create(_admin);
        await using var drop = source.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
