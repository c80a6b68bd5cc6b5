using System.Diagnostics;
using Vigil.Runtime.Testing;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>
/// Three silos under continuous writes to 10,000 grains while silos are killed, restarted, paused past their lease,
/// cut off from the database and stopped, for a minute. The commit log, written in each commit's own transaction,
/// says who committed under which (shard, epoch).
/// </summary>
[Collection(ClusterFaultCollection.Name)]
public sealed class ChurnTests
{
    private const int Grains = 10_000;
    private static readonly TimeSpan ChurnFor = TimeSpan.FromSeconds(60);
    private static readonly string[] SiloIds = ["A", "B", "C"];

    [Fact]
    public async Task Through_kills_restarts_pauses_and_cuts_no_two_silos_commit_under_one_lease_and_no_acknowledged_write_is_lost()
    {
        var output = TestContext.Current.TestOutputHelper;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output?.WriteLine($"chaos seed {seed}");
        await using var db = await ClusterDatabase.CreateAsync();
        var options = db.LedgerCluster();
        await using var cluster = new TestCluster(options);
        foreach (var id in SiloIds)
        {
            await cluster.StartSiloAsync(id);
        }

        await cluster.WaitUntilAsync(() => cluster.IsBalanced(), TimeSpan.FromSeconds(60), "three silos balanced", TestContext.Current.CancellationToken);
        var keys = Enumerable.Range(0, Grains).Select(i => $"ledger-{i}").ToArray();
        var load = new LedgerLoad(keys, workers: 64, via: () => AnyAvailable(cluster, random));
        load.Start();

        var done = new List<string>();
        var clock = Stopwatch.StartNew();
        string[] opening = ["kill", "restart", "pause", "cut", "stop", "restart"];
        for (var step = 0; clock.Elapsed < ChurnFor; step++)
        {
            var action = step < opening.Length ? opening[step] : Pick(random, cluster);
            done.Add(await ApplyAsync(action, cluster, options, random));
            await PastAsync(cluster, TimeSpan.FromSeconds(random.Next(1, 4)), "a quiet spell between faults");
        }

        output?.WriteLine("chaos: " + string.Join(", ", done));
        foreach (var id in SiloIds.Where(id => !cluster.Silos.Any(s => s.Id == id)))
        {
            await cluster.StartSiloAsync(id);
        }

        await cluster.WaitUntilAsync(() => cluster.IsBalanced(), TimeSpan.FromSeconds(60), "the cluster balanced again after the churn", TestContext.Current.CancellationToken);
        await load.StopAsync();
        var lost = await load.FindLostAsync(cluster["A"].Grains);
        var violations = await cluster.CommitViolationsAsync();
        output?.WriteLine(load.Describe());
        output?.WriteLine($"{await cluster.CommitRecordsAsync()} (shard, epoch, silo) commit records; {violations} violations");

        Assert.Equal(0, violations);
        Assert.True(lost.Count == 0, $"{lost.Count} grains lost acknowledged appends, e.g. {string.Join("; ", lost.Take(5))}");
        Assert.Equal(Grains, load.GrainsWritten);
        Assert.Contains(done, d => d.StartsWith("kill", StringComparison.Ordinal));
        Assert.Contains(done, d => d.StartsWith("pause", StringComparison.Ordinal));
        Assert.True(await cluster.ShardsCommittedBySeveralSilosAsync() > 0, "no shard changed hands while being written");
    }

    private static IGrainFactory? AnyAvailable(TestCluster cluster, Random random)
    {
        var available = cluster.Silos.Where(s => !s.IsPaused).ToArray();
        lock (random)
        {
            return available.Length == 0 ? null : available[random.Next(available.Length)].Grains;
        }
    }

    private static string Pick(Random random, TestCluster cluster)
    {
        lock (random)
        {
            if (cluster.Silos.Count < SiloIds.Length && random.Next(2) == 0)
            {
                return "restart";
            }

            return cluster.Silos.Count <= 2 ? (random.Next(2) == 0 ? "pause" : "cut") : new[] { "kill", "pause", "cut", "stop" }[random.Next(4)];
        }
    }

    private static async Task<string> ApplyAsync(string action, TestCluster cluster, TestClusterOptions options, Random random)
    {
        string Victim()
        {
            lock (random)
            {
                var running = cluster.Silos.Where(s => !s.IsPaused).ToArray();
                return running[random.Next(running.Length)].Id;
            }
        }

        switch (action)
        {
            case "kill":
                var killed = Victim();
                await cluster.KillSiloAsync(killed);
                return $"kill {killed}";
            case "stop":
                var stopped = Victim();
                await cluster.StopSiloAsync(stopped);
                return $"stop {stopped}";
            case "restart":
                var absent = SiloIds.First(id => !cluster.Silos.Any(s => s.Id == id));
                await cluster.StartSiloAsync(absent);
                return $"restart {absent}";
            case "pause":
                var paused = Victim();
                cluster.PauseSilo(paused);
                await PastAsync(cluster, options.LeaseTimeToLive + TimeSpan.FromSeconds(1), "a pause past the lease");
                cluster.ResumeSilo(paused);
                return $"pause {paused}";
            case "cut":
                var cut = Victim();
                cluster.CutFromDatabase(cut);
                await PastAsync(cluster, options.SelfFenceAfter + TimeSpan.FromSeconds(1), "a cut past the self-fence age");
                cluster.ReconnectToDatabase(cut);
                return $"cut {cut}";
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>Lets the cluster run (its cycles are the signal) until <paramref name="span"/> has passed.</summary>
    private static Task PastAsync(TestCluster cluster, TimeSpan span, string what)
    {
        var clock = Stopwatch.StartNew();
        return cluster.WaitUntilAsync(() => clock.Elapsed >= span, span + TimeSpan.FromSeconds(30), what, TestContext.Current.CancellationToken);
    }
}
