using Vigil.Runtime.Testing;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>Operators scale a cluster out and back in while writes keep coming.</summary>
[Collection(ClusterFaultCollection.Name)]
public sealed class ScaleTests
{
    private const int Grains = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scaling_one_to_three_to_one_under_load_spreads_shards_evenly_and_no_call_fails()
    {
        var output = TestContext.Current.TestOutputHelper;
        await using var db = await ClusterDatabase.CreateAsync();
        await using var cluster = new TestCluster(db.LedgerCluster());
        var a = await cluster.StartSiloAsync("A");
        await cluster.WaitUntilAsync(() => a.ShardsServed == GrainId.ShardCount, TimeSpan.FromSeconds(30), "A owns every shard", Ct);
        var keys = Enumerable.Range(0, Grains).Select(i => $"scale-{i}").ToArray();
        var load = new LedgerLoad(keys, workers: 32, via: () => a.Grains);
        load.Start();

        await cluster.StartSiloAsync("B");
        await cluster.StartSiloAsync("C");
        await cluster.WaitUntilAsync(() => cluster.IsBalanced(0.1), TimeSpan.FromSeconds(60), "three silos each within 10% of an even share", Ct);
        var shares = cluster.Silos.ToDictionary(s => s.Id, s => s.ShardsServed);
        var atThree = load.Acknowledged;

        await cluster.StopSiloAsync("C");
        await cluster.StopSiloAsync("B");
        await cluster.WaitUntilAsync(() => a.ShardsServed == GrainId.ShardCount, TimeSpan.FromSeconds(30), "A owns every shard again", Ct);
        var marked = load.Acknowledged;
        await cluster.WaitUntilAsync(
            () => load.Acknowledged > marked + Grains && load.GrainsWritten == Grains, TimeSpan.FromSeconds(60), "every grain written, and writes flowing on one silo again", Ct);
        await load.StopAsync();
        var lost = await load.FindLostAsync(a.Grains);
        output?.WriteLine($"shares at three silos: {string.Join(", ", shares.Select(s => $"{s.Key} {s.Value}"))}; {load.Describe()}");

        Assert.All(shares.Values, n => Assert.InRange(n, 1024 / 3.0 * 0.9, 1024 / 3.0 * 1.1));
        Assert.Equal(0, load.Failed);
        Assert.True(atThree > 0 && load.Acknowledged > atThree, "writes did not flow through both scaling steps");
        Assert.Empty(lost);
        Assert.Equal(0, await cluster.CommitViolationsAsync());
    }
}
