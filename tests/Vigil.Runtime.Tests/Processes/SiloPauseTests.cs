using Vigil.Runtime.Testing.Processes;

namespace Vigil.Runtime.Tests.Processes;

/// <summary>
/// A silo process frozen (SIGSTOP) past its lease lifetime while it and others write, then thawed (SIGCONT): its
/// shards move on without it, and when it wakes it neither serves nor commits under the leases it had.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloPauseTests
{
    private static readonly string[] Silos = ["A", "B", "C"];

    // Short leases keep the test short; the call timeout outlasts the pause, so calls stuck at the frozen silo
    // are answered when it wakes (by a redirect, if it behaves).
    private static readonly SiloProcessOptions Timings = new()
    {
        RenewPeriod = TimeSpan.FromSeconds(1),
        LeaseTimeToLive = TimeSpan.FromSeconds(6),
        SelfFenceAfter = TimeSpan.FromSeconds(4),
        CallTimeout = TimeSpan.FromSeconds(10),
        MaxHandoffsPerCycle = GrainId.ShardCount,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_paused_past_its_leases_loses_its_shards_and_after_resuming_serves_and_commits_nothing_under_them()
    {
        await using var cluster = await LedgerCluster.StartAsync(Silos, Timings);
        var b = cluster["B"];
        Assert.Empty((await cluster["A"].CallAsync(new CallRequest("append", cluster.Keys), Ct)).Failures);
        var keysOfB = (await cluster.KeysHeldByAsync("B")).Values.ToArray();

        // B writes to its own grains and A to everyone's, before, during and after the pause.
        var loadOnB = b.LoadAsync(new LoadRequest("append", keysOfB, Seconds: 14, Concurrency: 32), Ct);
        var loadOnA = cluster["A"].LoadAsync(new LoadRequest("append", cluster.Keys, Seconds: 14, Concurrency: 32), Ct);
        var callsBefore = (await b.StatusAsync(Ct)).Calls;
        await Poll.UntilAsync("B's load to be running", async ct =>
        {
            var calls = (await b.StatusAsync(ct)).Calls;
            return calls > callsBefore + 200 ? null : $"{calls - callsBefore} calls on B";
        }, TimeSpan.FromSeconds(20), cancellationToken: Ct);

        var held = (await cluster.Tables.HeldByAsync("B", Ct)).ToDictionary(o => o.Shard);
        b.Pause();
        var leasesEnd = held.Values.Max(o => o.ExpiresAt);
        IReadOnlyList<ShardOwner> owners = [];
        await Poll.UntilAsync("B's shards to be taken over and its leases to have run out", async ct =>
        {
            owners = await cluster.Tables.OwnersAsync(ct);
            var now = await cluster.Tables.DatabaseNowAsync(ct);
            var left = held.Keys.Count(s => owners[s] is not { Live: true } o || o.Silo == "B" || o.Epoch <= held[s].Epoch);
            return left == 0 && now > leasesEnd ? null : $"{left} of B's {held.Count} shards not taken over; database clock {now:HH:mm:ss.fff}, B's leases ran to {leasesEnd:HH:mm:ss.fff}";
        }, TimeSpan.FromSeconds(30), cancellationToken: Ct);
        Assert.All(held.Keys, s => Assert.Contains(owners[s].Silo, new[] { "A", "C" }));

        b.Resume();
        TestSiloStatus? awake = null;
        await Poll.UntilAsync("B to serve again after resuming", async ct =>
        {
            awake = await b.StatusAsync(ct);
            return awake.Serving ? null : $"B fenced, believing it holds {awake.Shards.Count} shards";
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20), Ct);
        var stale = awake!.Shards.Where(h => held.TryGetValue(h.Shard, out var old) && h.Epoch <= old.Epoch).ToArray();
        Assert.True(stale.Length == 0, $"B serves {stale.Length} shards under leases it held before the pause, e.g. {string.Join(", ", stale.Take(5))}");

        var onB = await loadOnB;
        var onA = await loadOnA;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"B lost {held.Count} shards while paused; load on B: {onB.Calls} calls, {onB.Failures} failed; load on A: {onA.Calls} calls, {onA.Failures} failed");
        Assert.True(onB.Calls > onB.Failures, "the load on B acknowledged nothing");

        var read = await cluster["C"].CallAsync(new CallRequest("read", cluster.Keys), Ct);
        Assert.Empty(read.Failures);
        var lost = cluster.Keys
            .Select(k => (Key: k, Read: read.Results[k], Acked: new[] { 1, Acked(onA, k), Acked(onB, k) }.Max()))
            .Where(k => k.Read < k.Acked)
            .ToArray();
        Assert.True(lost.Length == 0, $"acknowledged appends lost on {lost.Length} keys, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal(0, await cluster.Tables.CommitViolationsAsync(Ct));
    }

    private static long Acked(LoadReport load, string key) => load.Keys.TryGetValue(key, out var k) ? k.MaxResult ?? 0 : 0;
}
