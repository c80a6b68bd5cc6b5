using Npgsql;
using Vigil.Runtime.Clustering;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>
/// A fresh database per test on the test command's PostgreSQL, since leases and membership are cluster-wide
/// tables that tests must not share.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;

    private ClusterDatabase(NpgsqlDataSource admin, string name, NpgsqlDataSource dataSource)
    {
        _admin = admin;
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connectionString))
        {
            Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
        }

        var admin = NpgsqlDataSource.Create(connectionString);
        var name = "vigil_cluster_" + Guid.NewGuid().ToString("N");
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
        await new MembershipTable(dataSource).InitializeAsync(CancellationToken.None);
        await using (var storage = new Persistence.PostgresGrainStorage(NpgsqlDataSource.Create(dataSource.ConnectionString)))
        {
            await storage.InitializeAsync(CancellationToken.None);
        }

        return new ClusterDatabase(admin, name, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var drop = _admin.CreateCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _admin.DisposeAsync();
    }
}
