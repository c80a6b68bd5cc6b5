using Vigil.Runtime.Testing.Processes;

namespace Vigil.Benchmarks.Cluster;

/// <summary>
/// Silos as OS processes (Vigil.ClusterSilo) on PostgreSQL with production lease timings: remote calls between two
/// silos, the pause of planned moves (scale-out 1 → 2 → 3, SIGTERM 3 → 2), crash fail-over after SIGKILL under load,
/// and the invariants: no (shard, epoch) committed by two silo incarnations, no acknowledged write lost.
/// </summary>
public sealed class ClusterSuite : IBenchmarkSuite
{
    // During a crash every shard's grain gets an append this often.
    private const double PacingMs = 1000;
    private const int RemoteCallers = 64;

    public string Name => "cluster";

    public string Description => "silo processes on PostgreSQL: remote calls, planned hand-off pauses, crash fail-over, invariants";

    public async Task RunAsync(BenchmarkReport report, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var postgres = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (string.IsNullOrEmpty(postgres))
        {
            throw new InvalidOperationException("VIGIL_TEST_POSTGRES is not set: run ./bench.sh cluster, which starts a PostgreSQL.");
        }

        await using var bench = await ClusterBench.CreateAsync(postgres);
        var ct = cancellationToken;
        var a = await bench.Processes.StartSiloAsync("A", cancellationToken: ct);
        bench.Acked.Record(await a.CallAsync(new CallRequest("append", bench.Keys), ct));

        Console.WriteLine("  scale-out 1 -> 2 under load");
        var toTwo = await PlannedMove.MeasureAsync(bench, a, () => bench.Processes.StartSiloAsync("B", cancellationToken: ct), ["A", "B"], ct);

        Console.WriteLine("  remote calls A -> B");
        var keysOfB = (await bench.KeysHeldByAsync("B", ct)).Values.ToArray();
        await RemoteAsync(report, bench, a, keysOfB, "ping", "calls", settings, ct);
        await RemoteAsync(report, bench, a, keysOfB, "append", "appends", settings, ct);

        Console.WriteLine("  scale-out 2 -> 3 under load");
        var toThree = await PlannedMove.MeasureAsync(bench, a, () => bench.Processes.StartSiloAsync("C", cancellationToken: ct), ["A", "B", "C"], ct);

        Console.WriteLine("  SIGTERM 3 -> 2 under load");
        var stopped = TimeSpan.Zero;
        var leave = await PlannedMove.MeasureAsync(
            bench,
            a,
            async () =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await bench.Processes["C"].StopAsync(TimeSpan.FromMinutes(1));
                stopped = clock.Elapsed;
            },
            ["A", "B"],
            ct);
        ReportMoves(report, toTwo, toThree, leave, stopped);

        Console.WriteLine("  SIGKILL under load");
        await CrashAsync(report, bench, a, bench.Processes["B"], ct);

        var read = await a.CallAsync(new CallRequest("read", bench.Keys), ct);
        report.Add("invariant_violations", await bench.Tables.CommitViolationsAsync(ct), "pairs", "(shard, epoch) pairs in vigil_commit_log committed by more than one silo incarnation (must be 0)");
        report.Add("acknowledged_writes_lost", bench.Acked.Lost(read), "keys", "ledger keys reading back less than they ever acknowledged, over every phase (must be 0)");
        report.Add("commit_log_rows", await bench.Tables.CommitLogRowsAsync(ct), "rows", "distinct (shard, epoch, silo, incarnation) that committed during the run: what the violation check covered");
    }

    private static async Task RemoteAsync(BenchmarkReport report, ClusterBench bench, SiloProcessHandle caller, string[] keys, string operation, string noun, BenchmarkSettings settings, CancellationToken ct)
    {
        await caller.LoadAsync(new LoadRequest(operation, keys, Seconds: 1, RemoteCallers), ct);
        var rounds = new List<LoadReport>();
        for (var i = 0; i < settings.Rounds; i++)
        {
            var round = await caller.LoadAsync(new LoadRequest(operation, keys, settings.Duration.TotalSeconds, RemoteCallers), ct);
            bench.Acked.Record(round);
            rounds.Add(round);
        }

        var what = operation == "ping" ? "a call that touches no state" : "an append committed (fenced group commit) before it returns";
        var failures = rounds.Sum(r => r.Failures);
        report.Add($"remote_{noun}_per_s", Percentile.Median(rounds.Select(r => r.CallsPerSecond)), "calls/s", $"silo A calling {keys.Length} grains owned by silo B (another process), {RemoteCallers} callers in a loop, {what}; {failures} failed");
        report.Add($"remote_{noun}_p50_ms", Percentile.Median(rounds.Select(r => r.P50Ms)), "ms", $"median latency of the same");
        report.Add($"remote_{noun}_p99_ms", Percentile.Median(rounds.Select(r => r.P99Ms)), "ms", $"p99 latency of the same");
    }

    private static void ReportMoves(BenchmarkReport report, PlannedMove toTwo, PlannedMove toThree, PlannedMove leave, TimeSpan stopped)
    {
        Console.WriteLine(toTwo.Describe("scale-out 1 -> 2"));
        Console.WriteLine(toThree.Describe("scale-out 2 -> 3"));
        Console.WriteLine(leave.Describe("SIGTERM 3 -> 2"));
        var all = toTwo.PausesMs.Concat(toThree.PausesMs).Concat(leave.PausesMs).ToArray();
        var load = $"from silo A every shard's grain gets a stateless call every {PlannedMove.ProbeIntervalMs:0} ms and an append every {PlannedMove.WriteIntervalMs:0} ms";
        report.Add("handoff_pause_p99_ms", Percentile.Of(all, 0.99), "ms", $"planned moves: p99 over moved shards ({all.Length}) of the longest call on the shard while it moved; scale-out 1->2, 2->3, SIGTERM 3->2; {load} (target < 2,000)");
        report.Add("handoff_pause_max_ms", all.DefaultIfEmpty().Max(), "ms", "the longest such call");
        report.Add("scale_out_1_2_pause_p99_ms", Percentile.Of(toTwo.PausesMs, 0.99), "ms", $"the same for the {toTwo.PausesMs.Length} shards moved when B joined A");
        report.Add("scale_out_2_3_pause_p99_ms", Percentile.Of(toThree.PausesMs, 0.99), "ms", $"the same for the {toThree.PausesMs.Length} shards moved when C joined A and B");
        report.Add("sigterm_pause_p99_ms", Percentile.Of(leave.PausesMs, 0.99), "ms", $"the same for the {leave.PausesMs.Length} shards C handed off on SIGTERM");
        report.Add("scale_out_1_2_settle_s", toTwo.Settle.TotalSeconds, "s", "from B's start until every shard sat with its rendezvous owner (at most 64 hand-offs per silo per cycle)");
        report.Add("scale_out_2_3_settle_s", toThree.Settle.TotalSeconds, "s", "the same when C joined A and B");
        report.Add("sigterm_exit_s", stopped.TotalSeconds, "s", "from SIGTERM until C's process exited, every shard handed off");
        PlannedMove[] moves = [toTwo, toThree, leave];
        report.Add("planned_move_failed_calls", moves.Sum(m => m.Load.Failures + m.Writes.Failures), "calls", $"calls and appends that failed during the three moves, of {moves.Sum(m => m.Load.Calls + m.Writes.Calls)} (calls may wait; none should fail)");
    }

    private static async Task CrashAsync(BenchmarkReport report, ClusterBench bench, SiloProcessHandle caller, SiloProcessHandle victim, CancellationToken ct)
    {
        var keys = (await bench.KeysHeldByAsync(victim.SiloId, ct)).Values.ToArray();
        var since = (await caller.StatusAsync(ct)).Calls;
        var load = caller.LoadAsync(new LoadRequest("append", bench.Keys, Seconds: 600, Concurrency: bench.Keys.Length, IntervalMs: PacingMs), ct);
        await ClusterBench.LoadRunningAsync(caller, since, ct);

        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var probe = await caller.ProbeAsync(new ProbeRequest("append", keys, Seconds: 90, Concurrency: keys.Length), ct);
        await caller.StopLoadsAsync(ct);
        var loadReport = await load;
        bench.Acked.Record(loadReport);
        bench.Acked.Record(probe);

        var served = probe.Values.Where(p => p.SucceededAtUnixMs is not null).ToArray();
        var failover = served.Length == probe.Count ? (served.Max(p => p.SucceededAtUnixMs!.Value) - killedAt) / 1000.0 : double.PositiveInfinity;
        report.Add("crash_failover_s", failover, "s", $"SIGKILL of {victim.SiloId} under load until every one of its {keys.Length} shards served an append again through {caller.SiloId}; production lease timings (target < 20)");
        report.Add("crash_unserved_shards", probe.Count - served.Length, "shards", "of those, shards that had not served again 90 s after the kill (must be 0)");
    }
}
