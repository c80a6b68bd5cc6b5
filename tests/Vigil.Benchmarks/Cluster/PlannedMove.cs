using Vigil.Runtime.Testing.Processes;

namespace Vigil.Benchmarks.Cluster;

/// <summary>
/// One planned move measured under load: each moved shard's pause is the longest any call on it took while the
/// move ran. Every shard's grain gets a stateless call every <see cref="ProbeIntervalMs"/> (so a call that waited for
/// the move shows it, and commit latency does not blur it) and an append every <see cref="WriteIntervalMs"/> (so
/// writes cross every move and the commit log sees them).
/// </summary>
public sealed record PlannedMove(LoadReport Load, LoadReport Writes, double[] PausesMs, double[] UnmovedMs, TimeSpan Settle)
{
    public const double ProbeIntervalMs = 100;
    public const double WriteIntervalMs = 1000;

    /// <summary>One line for the console: the pause distribution beside the same figure for shards that stayed put.</summary>
    public string Describe(string name) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"  {name}: settled in {Settle.TotalSeconds:0.0} s; {PausesMs.Length} shards moved, longest call per moved shard p50 {Percentile.Of(PausesMs, 0.5):0} / p90 {Percentile.Of(PausesMs, 0.9):0} / p99 {Percentile.Of(PausesMs, 0.99):0} / max {PausesMs.DefaultIfEmpty().Max():0} ms; per unmoved shard p99 {Percentile.Of(UnmovedMs, 0.99):0} ms; all calls p50 {Load.P50Ms:0.0} / p99 {Load.P99Ms:0} ms, {Load.Calls} calls, {Load.Failures} failed; appends p50 {Writes.P50Ms:0.0} / p99 {Writes.P99Ms:0} ms, {Writes.Calls} calls, {Writes.Failures} failed");

    /// <summary>The load from <paramref name="caller"/> while <paramref name="move"/> runs and the cluster settles on <paramref name="silos"/>.</summary>
    public static async Task<PlannedMove> MeasureAsync(
        ClusterBench bench,
        SiloProcessHandle caller,
        Func<Task> move,
        IReadOnlyList<string> silos,
        CancellationToken cancellationToken)
    {
        var before = await bench.Tables.OwnersAsync(cancellationToken).ConfigureAwait(false);
        var since = (await caller.StatusAsync(cancellationToken).ConfigureAwait(false)).Calls;
        var load = caller.LoadAsync(new LoadRequest("ping", bench.Keys, Seconds: 600, Concurrency: bench.Keys.Length, IntervalMs: ProbeIntervalMs), cancellationToken);
        var writes = caller.LoadAsync(new LoadRequest("append", bench.Keys, Seconds: 600, Concurrency: bench.Keys.Length, IntervalMs: WriteIntervalMs), cancellationToken);
        // Every grain called a few times first, so first activations and warm-up stay out of the figures.
        await ClusterBench.LoadRunningAsync(caller, since + (4 * bench.Keys.Length), cancellationToken).ConfigureAwait(false);
        await caller.MarkLoadsAsync(cancellationToken).ConfigureAwait(false);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await move().ConfigureAwait(false);
        await bench.SettledAsync(silos, cancellationToken).ConfigureAwait(false);
        var settle = clock.Elapsed;
        await caller.StopLoadsAsync(cancellationToken).ConfigureAwait(false);
        var report = await load.ConfigureAwait(false);
        var written = await writes.ConfigureAwait(false);
        bench.Acked.Record(written);

        var after = await bench.Tables.OwnersAsync(cancellationToken).ConfigureAwait(false);
        double Longest(ShardOwner o) => report.Keys.TryGetValue(bench.Keys[o.Shard], out var key) ? key.MaxMs : report.Seconds * 1000;
        var pauses = after.Where(o => o.Silo != before[o.Shard].Silo).Select(Longest).ToArray();
        var unmoved = after.Where(o => o.Silo == before[o.Shard].Silo).Select(Longest).ToArray();
        return new PlannedMove(report, written, pauses, unmoved, settle);
    }
}
