using System.Diagnostics;
using Vigil.Runtime.Testing.Processes;

namespace Vigil.Runtime.Tests.Processes;

/// <summary>A silo process killed outright: its shards serve again from a survivor, with every acknowledged write.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloCrashTests
{
    private static readonly string[] Silos = ["A", "B", "C"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_SIGKILL_of_a_silo_every_one_of_its_shards_serves_again_within_20_seconds_with_its_state()
    {
        // Production lease timings; only the set-up hand-offs are unbounded, so the cluster settles in a cycle or two.
        await using var cluster = await LedgerCluster.StartAsync(Silos, new SiloProcessOptions { MaxHandoffsPerCycle = GrainId.ShardCount });
        foreach (var writer in Silos[..2])
        {
            var written = await cluster[writer].CallAsync(new CallRequest("append", cluster.Keys), Ct);
            Assert.Empty(written.Failures);
        }

        var victim = await cluster.KeysHeldByAsync("C");
        Assert.NotEmpty(victim);

        await cluster["C"].KillAsync();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        var probe = await cluster["A"].ProbeAsync(new ProbeRequest("append", victim.Values.ToArray(), Seconds: 60), Ct);
        var waited = clock.Elapsed;

        var unserved = probe.Where(p => p.Value.SucceededAtUnixMs is null).Select(p => $"{p.Key}: {p.Value.LastError}").ToArray();
        Assert.True(unserved.Length == 0, $"{unserved.Length} shards never served again:\n{string.Join('\n', unserved.Take(5))}");
        var failover = TimeSpan.FromMilliseconds(probe.Values.Max(p => p.SucceededAtUnixMs!.Value) - killedAt);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{victim.Count} shards of the killed silo all served again {failover.TotalSeconds:0.0} s after SIGKILL (probe returned after {waited.TotalSeconds:0.0} s)");
        Assert.True(failover < TimeSpan.FromSeconds(20), $"fail-over took {failover.TotalSeconds:0.0} s");

        // Two appends were acknowledged before the crash, so the first after it is the third or later.
        var lost = probe.Where(p => p.Value.Result < 3).Select(p => $"{p.Key}={p.Value.Result}").ToArray();
        Assert.True(lost.Length == 0, $"acknowledged appends lost on {lost.Length} keys: {string.Join(", ", lost.Take(10))}");
        var read = await cluster["B"].CallAsync(new CallRequest("read", cluster.Keys), Ct);
        Assert.Empty(read.Failures);
        Assert.All(cluster.Keys, key => Assert.True(read.Results[key] >= (probe.TryGetValue(key, out var p) ? p.Result!.Value : 2), $"{key} reads {read.Results[key]}"));

        Assert.Empty(await cluster.Tables.HeldByAsync("C", Ct));
        Assert.Equal(0, await cluster.Tables.CommitViolationsAsync(Ct));
    }
}
