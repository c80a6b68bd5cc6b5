using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Clustering;

public sealed class SlowHandoffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_grain_slow_to_deactivate_holds_back_its_shard_but_renewals_go_on()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var gate = new HangGate();
        await using var a = await StartSiloAsync(db, "A", gate);
        await Cycle(a);
        // Hand-offs go in shard order, so the first shard B should own is in the first batch.
        var shard = Enumerable.Range(0, GrainId.ShardCount).First(s => Rendezvous.OwnerOf(s, ["A", "B"]) == "B");
        var key = Enumerable.Range(0, 1_000_000).Select(i => $"k{i}").First(k => new GrainId("test.slownote", k).Shard == shard);
        await a.Services.GetRequiredService<IGrainFactory>().GetGrain<ISlowNoteGrain>(key).SetLaterAsync("x");
        await using var b = await StartSiloAsync(db, "B", new HangGate());
        try
        {
            // A starts handing the slow grain's shard to B; its deactivation hook waits on the gate.
            await Cycle(a).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.True(Manager(a).IsMoving(shard));
            await Cycle(a).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.True(Manager(a).IsServing);
            Assert.True(Manager(a).Held.ContainsKey(shard), "the moving shard stays held until its grains are gone");
        }
        finally
        {
            gate.Open();
        }
    }

    private static Task Cycle(LoopbackGrpcHost silo) => silo.Services.GetRequiredService<ClusterMembershipService>().CycleAsync(Ct);

    private static ShardLeaseManager Manager(LoopbackGrpcHost silo) => silo.Services.GetRequiredService<ShardLeaseManager>();

    private static async Task<LoopbackGrpcHost> StartSiloAsync(ClusterDatabase db, string name, HangGate gate)
    {
        var port = FreePort.Next();
        return await LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddSingleton(new SiloName(name));
                services.AddSingleton(gate);
                services.AddSingleton<ActivationJournal>();
                services.AddGrainRuntime(builder => builder
                    .AddGrain<ISlowNoteGrain, SlowNoteGrain>()
                    .UseCluster(db.DataSource.ConnectionString, new ClusterOptions
                    {
                        SiloId = name,
                        Address = $"127.0.0.1:{port}",
                        RenewPeriod = Timeout.InfiniteTimeSpan,
                        SelfFenceAfter = TimeSpan.FromSeconds(2),
                    }));
            },
            port: port);
    }
}
