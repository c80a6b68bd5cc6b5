using Vigil.ClusterSilo;
using Vigil.Runtime.Testing.Processes;
using Vigil.TestSupport;

namespace Vigil.Benchmarks.Cluster;

/// <summary>
/// Vigil.ClusterSilo processes on a database of their own, with production lease timings and the commit log on;
/// one ledger key per shard, and every sequence any of them acknowledged.
/// </summary>
public sealed class ClusterBench : IAsyncDisposable
{
    // A planned move is done once every shard sits with its rendezvous owner; 64 shards per 4 s cycle takes a while.
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(3);

    private readonly TestDatabase _database;

    private ClusterBench(TestDatabase database)
    {
        _database = database;
        Processes = new ProcessCluster(ProcessCluster.LocateSiloAssembly("Vigil.ClusterSilo"), database.ConnectionString, new SiloProcessOptions { RecordCommits = true });
        Tables = new ClusterTables(database.ConnectionString);
    }

    public ProcessCluster Processes { get; }

    public ClusterTables Tables { get; }

    public string[] Keys { get; } = ShardKeys.OnePerShard(LedgerGrain.TypeName, "bench");

    public AcknowledgedWrites Acked { get; } = new();

    public static async Task<ClusterBench> CreateAsync(string postgres) => new(await TestDatabase.CreateAsync(postgres));

    public Task<TimeSpan> SettledAsync(IReadOnlyList<string> silos, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            $"every shard to sit with its rendezvous owner among {string.Join(", ", silos)}",
            async ct =>
            {
                var misplaced = await Tables.MisplacedAsync(silos, ct).ConfigureAwait(false);
                return misplaced > 0 ? $"{misplaced} shards elsewhere" : null;
            },
            SettleLimit,
            TimeSpan.FromMilliseconds(100),
            cancellationToken);

    /// <summary>The keys of the shards <paramref name="silo"/> holds now, by shard.</summary>
    public async Task<Dictionary<int, string>> KeysHeldByAsync(string silo, CancellationToken cancellationToken) =>
        (await Tables.HeldByAsync(silo, cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.Shard, o => Keys[o.Shard]);

    /// <summary>Waits until <paramref name="silo"/> has made calls since <paramref name="since"/>: its load is running.</summary>
    public static Task LoadRunningAsync(SiloProcessHandle silo, long since, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            $"a load on {silo.SiloId} to be running",
            async ct =>
            {
                var calls = (await silo.StatusAsync(ct).ConfigureAwait(false)).Calls;
                return calls > since + 100 ? null : $"{calls - since} calls";
            },
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(50),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Processes.DisposeAsync().ConfigureAwait(false);
        await Tables.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
