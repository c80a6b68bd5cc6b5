using System.Diagnostics;
using Vigil.Runtime.Testing;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>PostgreSQL goes away for longer than a lease lives, then comes back.</summary>
[Collection(ClusterFaultCollection.Name)]
public sealed class DatabaseOutageTests
{
    private const int Grains = 1_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outage_longer_than_the_lease_stops_every_silo_acknowledging_and_the_cluster_recovers_after_it()
    {
        var output = TestContext.Current.TestOutputHelper;
        await using var db = await ClusterDatabase.CreateAsync();
        var options = db.LedgerCluster();
        await using var cluster = new TestCluster(options);
        foreach (var id in new[] { "A", "B", "C" })
        {
            await cluster.StartSiloAsync(id);
        }

        await cluster.WaitUntilAsync(() => cluster.IsBalanced(), TimeSpan.FromSeconds(60), "three silos balanced", Ct);
        var keys = Enumerable.Range(0, Grains).Select(i => $"outage-{i}").ToArray();
        var random = new Random(7);
        var load = new LedgerLoad(keys, workers: 16, via: () =>
        {
            lock (random)
            {
                return cluster.Silos[random.Next(cluster.Silos.Count)].Grains;
            }
        });
        load.Start();
        await cluster.WaitUntilAsync(() => load.GrainsWritten == Grains, TimeSpan.FromSeconds(60), "every grain written once", Ct);

        cluster.CutDatabase();
        load.Mark();
        var outage = Stopwatch.StartNew();
        await cluster.WaitUntilAsync(() => cluster.Silos.All(s => s.ShardsServed == 0), TimeSpan.FromSeconds(30), "every silo fenced itself", Ct);
        var fencedAfter = outage.Elapsed;
        await cluster.WaitUntilAsync(() => outage.Elapsed > options.LeaseTimeToLive + TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), "the outage outlasted the lease", Ct);
        var acknowledgedDuringOutage = load.AcknowledgedSinceMark;

        cluster.RestoreDatabase();
        await cluster.WaitUntilAsync(() => cluster.IsBalanced(), TimeSpan.FromSeconds(60), "three silos balanced after the outage", Ct);
        var recoveredAfter = outage.Elapsed;
        var before = load.Acknowledged;
        await cluster.WaitUntilAsync(() => load.Acknowledged > before + Grains, TimeSpan.FromSeconds(60), "writes acknowledged again", Ct);
        await load.StopAsync();
        var lost = await load.FindLostAsync(cluster["A"].Grains);
        output?.WriteLine($"fenced {fencedAfter.TotalSeconds:0.0} s into the outage, balanced {recoveredAfter.TotalSeconds:0.0} s after it began; {load.Describe()}");

        Assert.Equal(0, acknowledgedDuringOutage);
        Assert.Empty(lost);
        Assert.Equal(0, await cluster.CommitViolationsAsync());
    }
}
