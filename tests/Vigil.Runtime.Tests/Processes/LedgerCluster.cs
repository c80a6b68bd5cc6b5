using Vigil.ClusterSilo;
using Vigil.Runtime.Testing.Processes;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Processes;

/// <summary>
/// Vigil.ClusterSilo processes on a fresh database, with one ledger key per shard and a view of the cluster's
/// tables. Disposing kills every silo process and drops the database.
/// </summary>
public sealed class LedgerCluster : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private LedgerCluster(TestDatabase database, ProcessCluster processes)
    {
        _database = database;
        Processes = processes;
        Tables = new ClusterTables(database.ConnectionString);
    }

    public ProcessCluster Processes { get; }

    public ClusterTables Tables { get; }

    /// <summary>Keys[shard] is a ledger grain in that shard.</summary>
    public string[] Keys { get; } = ShardKeys.OnePerShard(LedgerGrain.TypeName, "ledger");

    public SiloProcessHandle this[string siloId] => Processes[siloId];

    public static async Task<LedgerCluster> StartAsync(IReadOnlyList<string> silos, SiloProcessOptions options)
    {
        var server = TestDatabase.Server;
        if (server is null)
        {
            Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
        }

        var database = await TestDatabase.CreateAsync(server);
        var cluster = new LedgerCluster(database, new ProcessCluster(ProcessCluster.LocateSiloAssembly("Vigil.ClusterSilo"), database.ConnectionString, options));
        try
        {
            await cluster.Processes.StartSilosAsync(silos, cancellationToken: TestContext.Current.CancellationToken);
            await cluster.SettledAsync(silos);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until every shard is held by its rendezvous owner among <paramref name="silos"/>.</summary>
    public Task SettledAsync(IReadOnlyList<string> silos) =>
        Poll.UntilAsync(
            $"every shard to sit with its rendezvous owner among {string.Join(", ", silos)}",
            async ct =>
            {
                var misplaced = await Tables.MisplacedAsync(silos, ct);
                return misplaced == 0 ? null : $"{misplaced} shards elsewhere";
            },
            TimeSpan.FromSeconds(60),
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The keys of the shards <paramref name="siloId"/> holds now, by the lease table.</summary>
    public async Task<Dictionary<int, string>> KeysHeldByAsync(string siloId) =>
        (await Tables.HeldByAsync(siloId, TestContext.Current.CancellationToken)).ToDictionary(o => o.Shard, o => Keys[o.Shard]);

    public async ValueTask DisposeAsync()
    {
        await Processes.DisposeAsync();
        await Tables.DisposeAsync();
        await _database.DisposeAsync();
    }
}
