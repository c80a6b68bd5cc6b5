using Vigil.Runtime.Testing.Processes;

namespace Vigil.Runtime.Tests.Processes;

/// <summary>SIGTERM is a planned leave: the silo hands every shard off before it exits; a restart rejoins as a new incarnation.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloStopTests
{
    private static readonly string[] Silos = ["A", "B"];

    private static readonly SiloProcessOptions Timings = new()
    {
        RenewPeriod = TimeSpan.FromSeconds(1),
        LeaseTimeToLive = TimeSpan.FromSeconds(6),
        SelfFenceAfter = TimeSpan.FromSeconds(4),
        MaxHandoffsPerCycle = GrainId.ShardCount,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stopped_silo_releases_every_lease_before_it_exits_and_rejoins_under_a_new_incarnation()
    {
        await using var cluster = await LedgerCluster.StartAsync(Silos, Timings);
        var b = cluster["B"];
        Assert.Empty((await cluster["A"].CallAsync(new CallRequest("append", cluster.Keys), Ct)).Failures);
        Assert.NotEmpty(await cluster.Tables.HeldByAsync("B", Ct));
        var first = b.Incarnation;

        Assert.Equal(0, await b.StopAsync(TimeSpan.FromSeconds(30)));

        // A crashed silo's leases would still run for seconds: these were given up before the exit.
        Assert.Empty(await cluster.Tables.HeldByAsync("B", Ct));
        var afterStop = await cluster["A"].CallAsync(new CallRequest("append", cluster.Keys), Ct);
        Assert.Empty(afterStop.Failures);
        Assert.All(afterStop.Results.Values, sequence => Assert.Equal(2, sequence));

        await b.RestartAsync(Ct);
        Assert.True(b.Incarnation > first, $"incarnation {b.Incarnation} after {first}");
        await cluster.SettledAsync(Silos);
        var read = await b.CallAsync(new CallRequest("read", cluster.Keys), Ct);
        Assert.Empty(read.Failures);
        Assert.All(read.Results.Values, sequence => Assert.Equal(2, sequence));
        Assert.Equal(0, await cluster.Tables.CommitViolationsAsync(Ct));
    }
}
