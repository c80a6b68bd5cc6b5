using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>A silo that lost a shard silently (a pause, a partition) and later gets it back.</summary>
public sealed class LostShardTests
{
    [Fact]
    public async Task A_shard_lost_and_regained_is_served_from_fresh_state_not_the_old_activation()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        await using var a = await ClusterSilos.StartAsync(db, "A");
        for (var i = 0; i < 2; i++)
        {
            await ClusterSilos.CycleAsync(a);
        }

        Assert.Equal(1024, ClusterSilos.Manager(a).Held.Count);

        var key = Enumerable.Range(0, 1000).Select(i => $"k{i}").First(k => Rendezvous.OwnerOf(new GrainId("test.note", k).Shard, ["A", "B"]) == "A");
        var shard = new GrainId("test.note", key).Shard;
        await a.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key).SetAsync("v1");

        // A goes silent (a partition or a long pause): its heartbeat and leases age out.
        await using (var cmd = db.DataSource.CreateCommand(
            "UPDATE vigil_silos SET heartbeat_at = now() - interval '1 minute' WHERE silo_id = 'A'; UPDATE vigil_shard_leases SET expires_at = now() WHERE owner_silo = 'A'"))
        {
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var b = await ClusterSilos.StartAsync(db, "B");
        await ClusterSilos.CycleAsync(b);
        Assert.Equal(1024, ClusterSilos.Manager(b).Held.Count);
        await b.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key).SetAsync("v2"); // acknowledged on B

        // A comes back; the shard is handed back to it by B in planned handoffs.
        await ClusterSilos.CycleAsync(a);
        Assert.False(ClusterSilos.Manager(a).Held.ContainsKey(shard));
        for (var i = 0; i < 30 && !ClusterSilos.Manager(a).Held.ContainsKey(shard); i++)
        {
            await ClusterSilos.CycleAsync(a);
            await ClusterSilos.CycleAsync(b);
        }

        await ClusterSilos.CycleAsync(a);
        Assert.True(ClusterSilos.Manager(a).Held.ContainsKey(shard), "the shard did not come back to A");
        var fromA = a.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key);
        Assert.Equal("v2", await fromA.GetAsync());
        await fromA.SetAsync("v3");
        Assert.Equal("v3", await b.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key).GetAsync());
    }
}
