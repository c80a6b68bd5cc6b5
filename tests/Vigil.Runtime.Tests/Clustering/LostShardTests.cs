using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>A silo that lost a shard silently (a pause, a partition) and later gets it back.</summary>
public sealed class LostShardTests
{
    [Fact]
    public async Task A_shard_lost_and_regained_is_served_from_fresh_state_not_the_old_activation()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        await using var a = await StartSiloAsync(db, "A");
        for (var i = 0; i < 2; i++)
        {
            await Cycle(a);
        }

        Assert.Equal(1024, Manager(a).Held.Count);

        var key = Enumerable.Range(0, 1000).Select(i => $"k{i}").First(k => Rendezvous.OwnerOf(new GrainId("test.note", k).Shard, ["A", "B"]) == "A");
        var shard = new GrainId("test.note", key).Shard;
        await a.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key).SetAsync("v1");

        // A goes silent (a partition or a long pause): its heartbeat and leases age out.
        await using (var cmd = db.DataSource.CreateCommand(
            "UPDATE vigil_silos SET heartbeat_at = now() - interval '1 minute' WHERE silo_id = 'A'; UPDATE vigil_shard_leases SET expires_at = now() WHERE owner_silo = 'A'"))
        {
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var b = await StartSiloAsync(db, "B");
        await Cycle(b);
        Assert.Equal(1024, Manager(b).Held.Count);
        await b.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key).SetAsync("v2"); // acknowledged on B

        // A comes back; the shard is handed back to it by B in planned handoffs.
        await Cycle(a);
        Assert.False(Manager(a).Held.ContainsKey(shard));
        for (var i = 0; i < 30 && !Manager(a).Held.ContainsKey(shard); i++)
        {
            await Cycle(a);
            await Cycle(b);
        }

        await Cycle(a);
        Assert.True(Manager(a).Held.ContainsKey(shard), "the shard did not come back to A");
        var fromA = a.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key);
        Assert.Equal("v2", await fromA.GetAsync());
        await fromA.SetAsync("v3");
        Assert.Equal("v3", await b.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key).GetAsync());
    }

    private static Task Cycle(LoopbackGrpcHost s) => s.Services.GetRequiredService<ClusterMembershipService>().CycleAsync(CancellationToken.None);

    private static ShardLeaseManager Manager(LoopbackGrpcHost silo) => silo.Services.GetRequiredService<ShardLeaseManager>();

    private static async Task<LoopbackGrpcHost> StartSiloAsync(ClusterDatabase db, string name)
    {
        var port = FreePort.Next();
        return await LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddSingleton(new SiloName(name));
                services.AddSingleton<NoteLog>();
                services.AddSingleton<ActivationJournal>();
                services.AddGrainRuntime(builder => builder
                    .AddGrain<IWhereGrain, WhereGrain>()
                    .AddGrain<INoteGrain, NoteGrain>()
                    .UseCluster(db.DataSource.ConnectionString, new ClusterOptions
                    {
                        SiloId = name,
                        Address = $"127.0.0.1:{port}",
                        RenewPeriod = Timeout.InfiniteTimeSpan,
                    }));
            },
            port: port);
    }
}
