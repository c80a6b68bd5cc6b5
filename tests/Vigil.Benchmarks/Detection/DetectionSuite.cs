using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Benchmarks.Cluster;
using Vigil.Grains.Detection;
using Vigil.Grains.Entities;
using Vigil.Grains.Rules;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// Detection cost: the repository's rule set evaluated on one core over a synthetic mix of runtime and audit
/// events, and runtime events into pod grains through the grain runtime, in memory and on PostgreSQL
/// (VIGIL_TEST_POSTGRES, which ./bench.sh detect provides), so detection and commit cost can be told apart.
/// </summary>
public sealed class DetectionSuite : IBenchmarkSuite
{
    private const int Seed = 20_250_301;
    private const int Pods = 1_000;
    private const int BatchSize = 100;
    private const int BatchesPerPod = 4;
    private const int Callers = 32;
    private const int EvaluationPods = 250;
    private const int EvaluationBatchesPerPod = 2;
    private const int AuditEvents = 50_000;

    private static readonly TimeSpan Warm = TimeSpan.FromSeconds(1);

    public string Name => "detect";

    public string Description => "rule-set evaluation on one core (runtime, audit); pod grains with detection in memory and on PostgreSQL";

    public async Task RunAsync(BenchmarkReport report, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        PrintLoad("before");
        var directory = RulesDirectory.Find();
        var holder = new RuleSetHolder<DetectionEvent>(new RuleLoader<DetectionEvent>(DetectionFields.Create()));
        var loaded = holder.ReloadDirectory(directory);
        if (!loaded.Swapped)
        {
            throw new InvalidOperationException($"The rules under {directory} did not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}");
        }
        var rules = loaded.Current;
        var enabled = rules.Rules.Where(r => r.Metadata.Enabled).ToArray();
        report.Add("rules_loaded", rules.Rules.Count, "rules", $"from grains/rules: {enabled.Count(r => r.Metadata.Source == RuleSource.Runtime)} runtime and {enabled.Count(r => r.Metadata.Source == RuleSource.Audit)} audit rules enabled");

        Evaluate(report, rules, settings);

        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var feeds = Enumerable.Range(0, Pods).Select(i => PodFeed.Create(SyntheticPod.Create(cluster, i), Seed + i, BatchesPerPod, BatchSize)).ToArray();
        Console.WriteLine($"  built {Pods:N0} pods x {BatchesPerPod} batches of {BatchSize} events in {clock.Elapsed.TotalSeconds:0.0} s");

        var memory = new InMemoryGrainStorage();
        await MeasurePodsAsync(report, settings, directory, feeds, "memory", "in-memory storage", b => b.UseStorage(_ => memory));
        await ReportStateSizeAsync(report, memory, feeds);
        var postgres = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (string.IsNullOrEmpty(postgres))
        {
            Console.WriteLine("  VIGIL_TEST_POSTGRES is not set: skipping PostgreSQL (./bench.sh detect starts one).");
        }
        else
        {
            await MeasurePodsAsync(report, settings, directory, feeds, "postgres", "PostgreSQL, synchronous_commit on", b => b.UsePostgresStorage(postgres));
        }
        PrintLoad("after");
    }

    // Two cores shared with whatever else runs: the load average says how much the figures can be trusted.
    private static void PrintLoad(string when)
    {
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"  load average {when}: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} CPUs)");
        }
    }

    private static void Evaluate(BenchmarkReport report, RuleSet<DetectionEvent> rules, BenchmarkSettings settings)
    {
        // Batches of different pods interleaved, as a silo receives them.
        var mixes = Enumerable.Range(0, EvaluationPods).Select(i => new RuntimeEventMix(SyntheticPod.Create("bench", i), Seed + i)).ToArray();
        var runtime = Enumerable.Range(0, EvaluationBatchesPerPod).SelectMany(_ => mixes.SelectMany(m => m.Take(BatchSize))).ToArray();
        var auditMix = new AuditEventMix("bench", Seed);
        var audit = auditMix.Take(AuditEvents);

        var ((runtimeRounds, auditRounds), pinned) = OneCore.Run(() =>
        {
            RuleEvaluation.Measure(runtime, DetectionEvent.ForRuntime, rules, RuleSource.Runtime, Warm);
            RuleEvaluation.Measure(audit, DetectionEvent.ForAudit, rules, RuleSource.Audit, Warm);
            var r = new List<EvaluationRound>();
            var a = new List<EvaluationRound>();
            for (var i = 0; i < settings.Rounds; i++)
            {
                r.Add(RuleEvaluation.Measure(runtime, DetectionEvent.ForRuntime, rules, RuleSource.Runtime, settings.Duration));
                a.Add(RuleEvaluation.Measure(audit, DetectionEvent.ForAudit, rules, RuleSource.Audit, settings.Duration));
            }
            return (r, a);
        });

        var core = pinned ? "one thread, every thread of the process confined to one CPU" : "one thread (could not confine the process to one CPU)";
        var runtimeAttacks = mixes.Sum(m => m.Malicious) * 100.0 / runtime.Length;
        var auditAttacks = auditMix.Malicious * 100.0 / audit.Length;
        report.Add("rule_eval_runtime_events_per_s", Percentile.Median(runtimeRounds.Select(r => r.EventsPerSecond)), "events/s", string.Create(CultureInfo.InvariantCulture,
            $"{core}: DetectionEvent.ForRuntime + RuleSet.Evaluate over {runtime.Length:N0} runtime events of {EvaluationPods} pods ({runtimeAttacks:0.##}% attacks; {Percentile.Median(runtimeRounds.Select(r => r.MatchesPerThousand)):0.#} matches per 1,000)"));
        report.Add("rule_eval_audit_events_per_s", Percentile.Median(auditRounds.Select(r => r.EventsPerSecond)), "events/s", string.Create(CultureInfo.InvariantCulture,
            $"{core}: DetectionEvent.ForAudit + RuleSet.Evaluate over {audit.Length:N0} audit events ({auditAttacks:0.##}% attacks; {Percentile.Median(auditRounds.Select(r => r.MatchesPerThousand)):0.#} matches per 1,000)"));
    }

    /// <summary>What each batch's commit writes: the whole pod state, whose size bounds commit cost more than the batch does.</summary>
    private static async Task ReportStateSizeAsync(BenchmarkReport report, InMemoryGrainStorage storage, PodFeed[] feeds)
    {
        var type = typeof(IPodGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name;
        var sizes = new List<double>();
        foreach (var feed in feeds)
        {
            if (await storage.ReadAsync(new GrainId(type, feed.Key), CancellationToken.None) is { Payload: { } payload })
            {
                sizes.Add(payload.Length);
            }
        }
        report.Add("pod_state_bytes_p50", Percentile.Median(sizes), "bytes", $"median stored pod state after the in-memory run (max {sizes.DefaultIfEmpty().Max():N0}): written whole on every batch");
    }

    private static async Task MeasurePodsAsync(
        BenchmarkReport report, BenchmarkSettings settings, string rulesDirectory, PodFeed[] feeds, string name, string storageName, Action<GrainRuntimeBuilder> storage)
    {
        var services = new ServiceCollection();
        services.AddGrainRuntime(
            b =>
            {
                b.AddDetectionGrains(rulesDirectory);
                storage(b);
            },
            o => o.CollectionAge = TimeSpan.FromHours(1));
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<GrainRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        var maliciousBefore = feeds.Sum(f => f.MaliciousSent);

        var clock = Stopwatch.StartNew();
        await PodLoad.WarmAsync(runtime, feeds, Callers);
        Console.WriteLine($"  {name}: activated {Pods:N0} pods and sent each its {BatchesPerPod} batches in {clock.Elapsed.TotalSeconds:0.0} s");
        var rounds = new List<PodLoadRound>();
        var (gen2, paused) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
        clock.Restart();
        for (var i = 0; i < settings.Rounds; i++)
        {
            rounds.Add(await PodLoad.RunAsync(runtime, feeds, Callers, settings.Duration));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {GC.CollectionCount(2) - gen2} gen2 collections, GC paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s of {clock.Elapsed.TotalSeconds:0.0} s timed"));

        var alerts = (await Task.WhenAll(feeds.Select(f => runtime.GetGrain<IPodGrain>(f.Key).GetAlertsAsync(null)))).SelectMany(a => a).ToArray();
        var malicious = feeds.Sum(f => f.MaliciousSent) - maliciousBefore;
        Console.WriteLine($"  {name}: firings by rule: {string.Join(", ", alerts.GroupBy(a => a.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(a => a.Count)}"))}");
        var events = (long)Pods * BatchesPerPod * BatchSize + rounds.Sum(r => r.Batches) * BatchSize;
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await runtime.StopAsync(stop.Token);
        }

        var load = $"{Pods:N0} pod grains, {Callers} callers each sending {BatchSize}-event batches to its own pods in turn, a batch completing once committed ({storageName})";
        report.Add($"pod_events_per_s_{name}", Percentile.Median(rounds.Select(r => r.EventsPerSecond)), "events/s", $"{load}: rules, pod detectors and behaviour per event, state written per batch");
        report.Add($"pod_batch_p50_ms_{name}", Percentile.Median(rounds.Select(r => r.P50Ms)), "ms", "median latency of one ObserveAsync batch of the same");
        report.Add($"pod_batch_p99_ms_{name}", Percentile.Median(rounds.Select(r => r.P99Ms)), "ms", "p99 latency of the same");
        report.Add($"pod_alerts_opened_{name}", alerts.Length, "alerts", $"alerts the pods held after the run: one per rule and container per de-duplication window, over {events:N0} events with {malicious:N0} attacks");
        report.Add($"pod_alert_firings_{name}", alerts.Sum(a => (long)a.Count), "firings", "rule and detector firings those alerts counted (repeats of an open alert add to it)");
    }
}
