using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Hosting;

/// <summary>Chooses grains and storage for <see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services, GrainTypeRegistry types)
{
    public IServiceCollection Services => services;

    public GrainRuntimeBuilder AddGrain<TGrainInterface, TGrain>()
        where TGrainInterface : IGrain
        where TGrain : Grain, TGrainInterface
    {
        types.Add<TGrainInterface, TGrain>();
        return this;
    }

    public GrainRuntimeBuilder UseInMemoryStorage() => UseStorage(_ => new InMemoryGrainStorage());

    /// <summary>The embedded default: state in one SQLite file that survives restarts.</summary>
    public GrainRuntimeBuilder UseSqliteStorage(string path) =>
        UseStorage(sp => new SqliteGrainStorage(path, sp.GetRequiredService<TimeProvider>()));

    /// <summary>State in PostgreSQL. Unless the connection string says otherwise, a silo uses at most 16 connections.</summary>
    public GrainRuntimeBuilder UsePostgresStorage(string connectionString) =>
        UseStorage(_ => new PostgresGrainStorage(DataSource(connectionString)));

    /// <summary>
    /// Routes calls by shard ownership: shards <paramref name="router"/> places elsewhere go to that silo, whose
    /// <see cref="Remoting.SiloCallService"/> (registered here; the host maps gRPC services) runs them.
    /// </summary>
    public GrainRuntimeBuilder UseShardRouter(Func<IServiceProvider, Remoting.IShardRouter> router)
    {
        services.AddSingleton(router);
        services.AddSingleton<Vigil.Grpc.Server.IGrpcService, Remoting.SiloCallService>();
        return this;
    }

    /// <summary>
    /// Joins a cluster of silos on PostgreSQL: grain state there, shard leases with fenced commits, calls routed to
    /// the owning silo. The host must serve gRPC (MapGrpcServices) at <see cref="Clustering.ClusterOptions.Address"/>.
    /// </summary>
    public GrainRuntimeBuilder UseCluster(string connectionString, Clustering.ClusterOptions cluster)
    {
        var dataSource = DataSource(connectionString, cluster.SelfFenceAfter / 2);
        services.AddSingleton(cluster);
        services.AddSingleton(new Clustering.MembershipTable(dataSource));
        services.AddSingleton(new Clustering.ShardLeaseTable(dataSource, cluster.LeaseTimeToLive, cluster.SelfFenceAfter));
        services.AddSingleton<Clustering.ShardLeaseManager>();
        services.AddSingleton(sp => new Clustering.ClusterSignals(
            dataSource, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Clustering.ClusterSignals>>()));
        services.AddSingleton<Persistence.IShardFence>(sp => sp.GetRequiredService<Clustering.ShardLeaseManager>());
        services.AddSingleton<Clustering.LeaseShardRouter>();
        services.AddSingleton<Clustering.ClusterMembershipService>();
        services.AddHostedService(sp => sp.GetRequiredService<Clustering.ClusterMembershipService>());
        services.AddSingleton<Remoting.ISiloDeparture>(sp => sp.GetRequiredService<Clustering.ClusterMembershipService>());
        UseShardRouter(sp => sp.GetRequiredService<Clustering.LeaseShardRouter>());
        return UseStorage(_ => new PostgresGrainStorage(dataSource));
    }

    public GrainRuntimeBuilder UseStorage(Func<IServiceProvider, IGrainStorage> factory)
    {
        services.RemoveAll<IGrainStorage>();
        services.AddSingleton(factory);
        return this;
    }

    /// <summary>
    /// A silo's connections: at most 16 unless the connection string sets a pool size itself. In a cluster a
    /// transaction left open by a stalled silo (paused, cut off mid-commit) is ended by the server after
    /// <paramref name="stalledTransactionLimit"/>, so the share locks its fence check holds cannot keep the shard
    /// from its next owner.
    /// </summary>
    private static NpgsqlDataSource DataSource(string connectionString, TimeSpan? stalledTransactionLimit = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxPoolSize = 16;
        }

        if (stalledTransactionLimit is { } limit)
        {
            var ms = Math.Max(1, (long)limit.TotalMilliseconds);
            settings.Options = $"{settings.Options} -c idle_in_transaction_session_timeout={ms}".Trim();
        }

        return NpgsqlDataSource.Create(settings.ConnectionString);
    }
}
