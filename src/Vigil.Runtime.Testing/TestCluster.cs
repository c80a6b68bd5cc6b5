using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vigil.Grpc.Server;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Hosting;

namespace Vigil.Runtime.Testing;

/// <summary>
/// Silos in one process sharing one PostgreSQL database, each a real host with its own Kestrel endpoint, lease cycle
/// and commit queue, with faults to inject: kill a silo (no hand-off, nothing more reaches the database), pause one
/// (all its traffic held, past its lease if the test waits), cut one off from the database, or take the database
/// away from all. Every silo reaches PostgreSQL, and other silos reach it, through a <see cref="FaultProxy"/>.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly ConcurrentDictionary<string, TestClusterSilo> _silos = new(StringComparer.Ordinal);
    private readonly Processes.ClusterTables _tables;
    private readonly IPEndPoint _databaseEndPoint;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestCluster(TestClusterOptions options)
    {
        _options = options;
        _tables = new Processes.ClusterTables(options.ConnectionString);
        _databaseEndPoint = ResolveDatabase(options.ConnectionString);
    }

    /// <summary>The silos running now (paused ones included), by id.</summary>
    public IReadOnlyList<TestClusterSilo> Silos => [.. _silos.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];

    public TestClusterSilo this[string id] => _silos.TryGetValue(id, out var silo) ? silo : throw new KeyNotFoundException($"No silo '{id}' is running.");

    /// <summary>Starts a silo (a new incarnation when the id ran before); it has joined when this returns.</summary>
    public async Task<TestClusterSilo> StartSiloAsync(string id)
    {
        if (_silos.ContainsKey(id))
        {
            throw new InvalidOperationException($"Silo '{id}' is already running.");
        }

        var kestrelPort = IPEndPoint.Parse(ListenAddress.WithFreePort("127.0.0.1:0")).Port;
        var grpc = new FaultProxy(new IPEndPoint(IPAddress.Loopback, kestrelPort));
        var database = new FaultProxy(_databaseEndPoint);
        var app = Build(id, kestrelPort, grpc.Port, database.Port);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await grpc.DisposeAsync().ConfigureAwait(false);
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        app.Services.GetRequiredService<ClusterMembershipService>().Cycled += Changed;
        var silo = new TestClusterSilo(id, app, database, grpc);
        _silos[id] = silo;
        Changed();
        return silo;
    }

    /// <summary>Planned shutdown, as on SIGTERM: the silo hands every shard off before it goes.</summary>
    public async Task StopSiloAsync(string id, TimeSpan? timeout = null)
    {
        var silo = Remove(id);
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await silo.App.StopAsync(limit.Token).ConfigureAwait(false);
        await DisposeAsync(silo).ConfigureAwait(false);
    }

    /// <summary>
    /// Abrupt end, as on SIGKILL: from this moment nothing of the silo reaches the database or other silos, its
    /// leases are left to expire, and calls waiting on it never get an answer from it.
    /// </summary>
    public async Task KillSiloAsync(string id)
    {
        var silo = Remove(id);
        silo.Database.Cut();
        silo.Grpc.Cut();
        using var now = new CancellationTokenSource();
        await now.CancelAsync().ConfigureAwait(false);
        try
        {
            await silo.App.StopAsync(now.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException or NpgsqlException or InvalidOperationException)
        {
            // A killed process runs none of its shutdown; whatever this one tried instead failed against the cut.
        }

        await DisposeAsync(silo).ConfigureAwait(false);
    }

    /// <summary>Holds every byte between the silo and the database and other silos, as if the process stopped.</summary>
    public void PauseSilo(string id)
    {
        var silo = this[id];
        silo.IsPaused = true;
        silo.Database.Freeze();
        silo.Grpc.Freeze();
    }

    /// <summary>Lets a paused silo's traffic flow again; it must find out for itself what it lost meanwhile.</summary>
    public void ResumeSilo(string id)
    {
        var silo = this[id];
        silo.Database.Open();
        silo.Grpc.Open();
        silo.IsPaused = false;
    }

    /// <summary>Cuts one silo off from the database; other silos still reach it and it still reaches them.</summary>
    public void CutFromDatabase(string id) => this[id].Database.Cut();

    public void ReconnectToDatabase(string id) => this[id].Database.Open();

    /// <summary>A database outage: no silo reaches PostgreSQL until <see cref="RestoreDatabase"/>.</summary>
    public void CutDatabase()
    {
        foreach (var silo in _silos.Values)
        {
            silo.Database.Cut();
        }
    }

    public void RestoreDatabase()
    {
        foreach (var silo in _silos.Values)
        {
            silo.Database.Open();
        }
    }

    /// <summary>
    /// True when the serving silos split all 1,024 shards between them without overlap, each within
    /// <paramref name="tolerance"/> of an even share.
    /// </summary>
    public bool IsBalanced(double tolerance = 0.1)
    {
        var serving = _silos.Values.Where(s => !s.IsPaused && s.ShardsServed > 0).ToArray();
        var running = _silos.Values.Count(s => !s.IsPaused);
        if (serving.Length == 0 || serving.Length != running)
        {
            return false;
        }

        var share = (double)GrainId.ShardCount / serving.Length;
        var shards = serving.SelectMany(s => s.Leases.Held.Keys).ToArray();
        return shards.Length == GrainId.ShardCount && shards.Distinct().Count() == GrainId.ShardCount
            && serving.All(s => Math.Abs(s.ShardsServed - share) <= share * tolerance);
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking it after every lease cycle of any silo; fails with
    /// <paramref name="what"/> and the silos' state when it does not hold within <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var changed = Volatile.Read(ref _changed).Task;
                if (condition())
                {
                    return;
                }

                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Not within {timeout.TotalSeconds:0.#} s: {what}. Silos: {string.Join("; ", Silos)}.");
        }
    }

    /// <summary>(shard, epoch) pairs under which more than one silo incarnation committed: must always be zero.</summary>
    public Task<long> CommitViolationsAsync() => _tables.CommitViolationsAsync();

    /// <summary>Shards more than one silo committed under so far.</summary>
    public Task<long> ShardsCommittedBySeveralSilosAsync() => _tables.ShardsCommittedBySeveralSilosAsync();

    /// <summary>Distinct (shard, epoch, silo incarnation) commits recorded so far.</summary>
    public Task<long> CommitRecordsAsync() => _tables.CommitLogRowsAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _silos.Keys.ToArray())
        {
            await KillSiloAsync(id).ConfigureAwait(false);
        }

        await _tables.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task DisposeAsync(TestClusterSilo silo)
    {
        await silo.App.DisposeAsync().ConfigureAwait(false);
        await silo.Grpc.DisposeAsync().ConfigureAwait(false);
        await silo.Database.DisposeAsync().ConfigureAwait(false);
    }

    private static IPEndPoint ResolveDatabase(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var host = settings.Host ?? "127.0.0.1";
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host).First(IPAddress.IsLoopback);
        return new IPEndPoint(address, settings.Port);
    }

    private TestClusterSilo Remove(string id) =>
        _silos.TryRemove(id, out var silo) ? silo : throw new KeyNotFoundException($"No silo '{id}' is running.");

    private void Changed() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private WebApplication Build(string id, int kestrelPort, int advertisedPort, int databasePort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _options.Logging?.Invoke(id, builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, kestrelPort, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer();
        _options.Services?.Invoke(id, builder.Services);
        var settings = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Host = "127.0.0.1", Port = databasePort };
        if (!_options.ConnectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            // Several clusters' silos share one test server: fewer connections each than a production silo's 16.
            settings.MaxPoolSize = 8;
        }

        var connection = settings.ConnectionString;
        var cluster = new ClusterOptions
        {
            SiloId = id,
            Address = $"127.0.0.1:{advertisedPort}",
            RenewPeriod = _options.RenewPeriod,
            LeaseTimeToLive = _options.LeaseTimeToLive,
            SelfFenceAfter = _options.SelfFenceAfter,
            MaxHandoffsPerCycle = _options.MaxHandoffsPerCycle,
            RecordCommits = _options.RecordCommits,
        };
        builder.Services.AddGrainRuntime(
            runtime =>
            {
                _options.Grains(runtime);
                runtime.UseCluster(connection, cluster);
            },
            runtime => runtime.CallTimeout = _options.CallTimeout);
        var app = builder.Build();
        app.MapGrpcServices();
        return app;
    }
}
