using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>
/// In-process cluster members for tests: each with its own Kestrel endpoint and the test grains, on one fresh
/// database, with lease cycles driven by the test rather than a timer.
/// </summary>
public static class ClusterSilos
{
    public static async Task<LoopbackGrpcHost> StartAsync(ClusterDatabase db, string name, HangGate? gate = null, TimeSpan? selfFenceAfter = null)
    {
        var port = FreePort.Next();
        var options = new ClusterOptions { SiloId = name, Address = $"127.0.0.1:{port}", RenewPeriod = Timeout.InfiniteTimeSpan };
        if (selfFenceAfter is { } fence)
        {
            options.SelfFenceAfter = fence;
        }

        return await LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddSingleton(new SiloName(name));
                services.AddSingleton(gate ?? new HangGate());
                services.AddSingleton<NoteLog>();
                services.AddSingleton<ActivationJournal>();
                services.AddGrainRuntime(builder => builder
                    .AddGrain<IWhereGrain, WhereGrain>()
                    .AddGrain<INoteGrain, NoteGrain>()
                    .AddGrain<ISlowNoteGrain, SlowNoteGrain>()
                    .UseCluster(db.DataSource.ConnectionString, options));
            },
            port: port);
    }

    public static Task CycleAsync(LoopbackGrpcHost silo) =>
        silo.Services.GetRequiredService<ClusterMembershipService>().CycleAsync(TestContext.Current.CancellationToken);

    public static ShardLeaseManager Manager(LoopbackGrpcHost silo) => silo.Services.GetRequiredService<ShardLeaseManager>();
}
