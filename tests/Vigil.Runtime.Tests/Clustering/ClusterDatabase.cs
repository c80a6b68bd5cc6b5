using Npgsql;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Testing;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>A fresh database with the cluster and grain-state schemas, since leases and membership are cluster-wide tables.</summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ClusterDatabase(TestDatabase database, NpgsqlDataSource dataSource)
    {
        _database = database;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>An in-process cluster of silos hosting the ledger grain, on this database.</summary>
    public TestClusterOptions LedgerCluster(TimeSpan? callTimeout = null) => new()
    {
        ConnectionString = DataSource.ConnectionString,
        Grains = b => b.AddGrain<ILedgerGrain, LedgerGrain>(),
        CallTimeout = callTimeout ?? TimeSpan.FromSeconds(10),
    };

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var server = TestDatabase.Server;
        if (server is null)
        {
            Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
        }

        var database = await TestDatabase.CreateAsync(server);
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new MembershipTable(dataSource).InitializeAsync(CancellationToken.None);
        await using (var storage = new Persistence.PostgresGrainStorage(NpgsqlDataSource.Create(database.ConnectionString)))
        {
            await storage.InitializeAsync(CancellationToken.None);
        }

        return new ClusterDatabase(database, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}
