using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests.Clustering;

public sealed class SlowHandoffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_grain_slow_to_deactivate_holds_back_its_shard_but_renewals_go_on()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var gate = new HangGate();
        await using var a = await ClusterSilos.StartAsync(db, "A", gate, TimeSpan.FromSeconds(2));
        await ClusterSilos.CycleAsync(a);
        // Hand-offs go in shard order, so the first shard B should own is in the first batch.
        var shard = Enumerable.Range(0, GrainId.ShardCount).First(s => Rendezvous.OwnerOf(s, ["A", "B"]) == "B");
        var key = Enumerable.Range(0, 1_000_000).Select(i => $"k{i}").First(k => new GrainId("test.slownote", k).Shard == shard);
        await a.Services.GetRequiredService<IGrainFactory>().GetGrain<ISlowNoteGrain>(key).SetLaterAsync("x");
        await using var b = await ClusterSilos.StartAsync(db, "B", selfFenceAfter: TimeSpan.FromSeconds(2));
        try
        {
            // A starts handing the slow grain's shard to B; its deactivation hook waits on the gate.
            await ClusterSilos.CycleAsync(a).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.True(ClusterSilos.Manager(a).IsMoving(shard));
            await ClusterSilos.CycleAsync(a).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.True(ClusterSilos.Manager(a).IsServing);
            Assert.True(ClusterSilos.Manager(a).Held.ContainsKey(shard), "the moving shard stays held until its grains are gone");
        }
        finally
        {
            gate.Open();
        }
    }
}
