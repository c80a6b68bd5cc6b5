using System.Diagnostics;
using Vigil.Runtime.Remoting;
using Vigil.Runtime.Testing;
using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>A silo that stops answering without resetting its connections: a lost host, a cut network path.</summary>
[Collection(ClusterFaultCollection.Name)]
public sealed class SilentPeerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_to_a_silo_gone_silent_is_given_up_by_keepalive_long_before_its_deadline()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        await using var cluster = new TestCluster(db.LedgerCluster(callTimeout: TimeSpan.FromMinutes(2)));
        var a = await cluster.StartSiloAsync("A");
        var b = await cluster.StartSiloAsync("B");
        await cluster.WaitUntilAsync(() => cluster.IsBalanced(), TimeSpan.FromSeconds(60), "two silos balanced", Ct);
        var key = Enumerable.Range(0, 10_000).Select(i => $"silent-{i}").First(k => b.Leases.Held.ContainsKey(new GrainId("test.ledger", k).Shard));
        var ledger = a.Grains.GetGrain<ILedgerGrain>(key);
        await ledger.AppendAsync(1);

        // B's leases stay fresh (its database path is untouched), so A keeps sending B's calls to B.
        b.Grpc.Freeze();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RemoteCallOutcomeUnknownException>(() => ledger.AppendAsync(2));
        TestContext.Current.TestOutputHelper?.WriteLine($"given up after {clock.Elapsed.TotalSeconds:0.0} s: {error.Message}");
        b.Grpc.Open();

        Assert.Equal(new GrainId("test.ledger", key), error.Grain);
        await ledger.AppendAsync(3);
        Assert.Contains(1, await ledger.EntriesAsync());
        Assert.Contains(3, await ledger.EntriesAsync());
    }
}
