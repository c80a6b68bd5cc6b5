using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>Silos in one process, each with its own Kestrel endpoint, sharing one fresh PostgreSQL database.</summary>
public sealed class ClusterRoutingTests
{
    private const int Grains = 300;

    [Fact]
    public async Task Calls_reach_each_grains_owner_and_state_follows_a_scale_out_without_a_failed_call()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        await using var a = await ClusterSilos.StartAsync(db, "A");
        await using var b = await ClusterSilos.StartAsync(db, "B");
        await CycleAsync(3, a, b);
        var grains = a.Services.GetRequiredService<IGrainFactory>();
        var keys = Enumerable.Range(0, Grains).Select(i => $"pod-{i}").ToArray();

        await Task.WhenAll(keys.Select(k => grains.GetGrain<INoteGrain>(k).SetAsync("note " + k)));
        await AssertEachGrainRunsOnItsOwnerAsync(grains, keys, db, a, b);

        // Scale out under load: calls keep flowing while shards move to the new silo.
        await using var c = await ClusterSilos.StartAsync(db, "C");
        using var load = new CancellationTokenSource();
        var failures = 0;
        var calls = 0;
        var traffic = Task.Run(
            async () =>
        {
            while (!load.IsCancellationRequested)
            {
                var key = keys[calls++ % keys.Length];
                try
                {
                    Assert.Equal("note " + key, await grains.GetGrain<INoteGrain>(key).GetAsync());
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        },
            TestContext.Current.CancellationToken);
        await CycleAsync(12, a, b, c);
        await load.CancelAsync();
        await traffic;

        Assert.Equal(0, failures);
        Assert.True(calls >= 10, $"only {calls} calls ran during the scale-out");
        var fromC = c.Services.GetRequiredService<IGrainFactory>();
        Assert.All(await Task.WhenAll(keys.Select(k => fromC.GetGrain<INoteGrain>(k).GetAsync())), (text, i) => Assert.Equal("note " + keys[i], text));
        await AssertEachGrainRunsOnItsOwnerAsync(fromC, keys, db, a, b, c);
        Assert.All(new[] { a, b, c }, s => Assert.InRange(ClusterSilos.Manager(s).Held.Count, 1024 / 3 * 0.9, 1024 / 3 * 1.1));
    }


    private static async Task CycleAsync(int rounds, params LoopbackGrpcHost[] silos)
    {
        for (var i = 0; i < rounds; i++)
        {
            foreach (var silo in silos)
            {
                await ClusterSilos.CycleAsync(silo);
            }
        }

        foreach (var silo in silos)
        {
            await ClusterSilos.CycleAsync(silo);
        }
    }

    private static async Task AssertEachGrainRunsOnItsOwnerAsync(IGrainFactory grains, string[] keys, ClusterDatabase db, params LoopbackGrpcHost[] silos)
    {
        var owners = (await new ShardLeaseTable(db.DataSource, TimeSpan.FromSeconds(15)).ListAsync(CancellationToken.None))
            .ToDictionary(l => l.Shard, l => l.OwnerSilo);
        foreach (var key in keys)
        {
            var where = await grains.GetGrain<IWhereGrain>(key).WhereAsync("x");
            Assert.Equal($"{owners[new GrainId("test.where", key).Shard]}:x", where);
        }

        Assert.Equal(silos.Length, silos.Select(s => ClusterSilos.Manager(s).Held.Count).Count(n => n > 0));
    }
}
