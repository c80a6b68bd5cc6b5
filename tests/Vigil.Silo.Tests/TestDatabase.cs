using Npgsql;

namespace Vigil.Silo.Tests;

/// <summary>A database of its own on the test command's PostgreSQL, dropped afterwards.</summary>
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
