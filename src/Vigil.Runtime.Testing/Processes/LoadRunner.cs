using System.Collections.Concurrent;
using System.Diagnostics;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>Runs the control endpoints' calls from this silo, so a test can make one silo call grains another owns.</summary>
public sealed class LoadRunner(IGrainFactory grains, IReadOnlyDictionary<string, GrainOperation> operations)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _stop = new();
    private long _mark;

    public GrainOperation Find(string name) =>
        operations.TryGetValue(name, out var operation)
            ? operation
            : throw new ArgumentException($"Unknown operation '{name}'. Known: {string.Join(", ", operations.Keys)}.", nameof(name));

    /// <summary>
    /// From now on the running loads measure afresh: calls that started earlier (a warm-up, first activations) leave
    /// their latency out of the reports.
    /// </summary>
    public void Mark() => Interlocked.Exchange(ref _mark, Stopwatch.GetTimestamp());

    /// <summary>Ends every load running now; they report what they did so far.</summary>
    public void StopLoads()
    {
        lock (_gate)
        {
            _stop.Cancel();
            _stop.Dispose();
            _stop = new CancellationTokenSource();
        }
    }

    public async Task<CallReport> CallAsync(CallRequest request, CancellationToken cancellationToken)
    {
        var operation = Find(request.Operation);
        var results = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            request.Keys,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Concurrency), CancellationToken = cancellationToken },
            async (key, _) =>
            {
                try
                {
                    results[key] = await operation(grains, key).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failures[key] = Describe(ex);
                }
            }).ConfigureAwait(false);
        return new CallReport(results, failures);
    }

    public async Task<LoadReport> LoadAsync(LoadRequest request, CancellationToken cancellationToken)
    {
        var operation = Find(request.Operation);
        if (request.Keys.Count == 0)
        {
            throw new ArgumentException("A load needs at least one key.", nameof(request));
        }

        CancellationToken stop;
        lock (_gate)
        {
            stop = _stop.Token;
        }

        using var ends = CancellationTokenSource.CreateLinkedTokenSource(stop, cancellationToken);
        ends.CancelAfter(TimeSpan.FromSeconds(request.Seconds));
        var workers = Math.Max(1, request.Concurrency);
        var started = Stopwatch.GetTimestamp();
        var runs = await Task.WhenAll(Enumerable.Range(0, workers)
            .Select(w => Task.Run(() => WorkAsync(operation, request, w, workers, ends.Token), CancellationToken.None))).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(Math.Max(started, Interlocked.Read(ref _mark))).TotalSeconds;
        return Summarize(runs, seconds);
    }

    public async Task<IReadOnlyDictionary<string, ProbeResult>> ProbeAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var operation = Find(request.Operation);
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(request.Seconds);
        var results = new ConcurrentDictionary<string, ProbeResult>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            request.Keys,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Concurrency), CancellationToken = cancellationToken },
            async (key, token) =>
            {
                var attempts = 0;
                string? lastError = null;
                while (deadline.Elapsed < limit && !token.IsCancellationRequested)
                {
                    attempts++;
                    try
                    {
                        var result = await operation(grains, key).ConfigureAwait(false);
                        results[key] = new ProbeResult(result, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), attempts, lastError);
                        return;
                    }
                    catch (Exception ex)
                    {
                        // The runtime already waits and retries inside one call; a failure here is a timeout or an
                        // error worth seeing, and the probe asks again until its own deadline.
                        lastError = Describe(ex);
                    }
                }

                results[key] = new ProbeResult(null, null, attempts, lastError);
            }).ConfigureAwait(false);
        return results;
    }

    private async Task<WorkerRun> WorkAsync(GrainOperation operation, LoadRequest request, int worker, int workers, CancellationToken end)
    {
        var run = new WorkerRun();
        var keys = Enumerable.Range(0, Math.Max(1, (request.Keys.Count - worker + workers - 1) / workers))
            .Select(i => request.Keys[(worker + (i * workers)) % request.Keys.Count])
            .ToArray();
        var interval = TimeSpan.FromMilliseconds(request.IntervalMs);
        for (long i = 0; !end.IsCancellationRequested; i++)
        {
            var key = keys[i % keys.Length];
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = await operation(grains, key).ConfigureAwait(false);
                run.Succeeded(key, Stopwatch.GetElapsedTime(started).TotalMilliseconds, result, started >= Interlocked.Read(ref _mark));
            }
            catch (Exception ex)
            {
                run.Failed(key, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Describe(ex), started >= Interlocked.Read(ref _mark));
            }

            // Paced from each call's start; a call slower than the interval is followed at once, never by a burst.
            var wait = interval - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, end).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return run;
    }

    private static LoadReport Summarize(WorkerRun[] runs, double seconds)
    {
        var latencies = runs.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var keys = new Dictionary<string, KeyLoad>(StringComparer.Ordinal);
        foreach (var (key, load) in runs.SelectMany(r => r.Keys))
        {
            keys[key] = keys.TryGetValue(key, out var seen)
                ? new KeyLoad(seen.Calls + load.Calls, seen.Failures + load.Failures, Math.Max(seen.MaxMs, load.MaxMs), Max(seen.MaxResult, load.MaxResult))
                : load;
        }

        var errors = runs.SelectMany(r => r.Errors)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => (Message: g.Key, Count: g.Sum(e => e.Value)))
            .OrderByDescending(e => e.Count)
            .Take(20)
            .ToDictionary(e => e.Message, e => e.Count, StringComparer.Ordinal);
        var failures = runs.Sum(r => r.FailureCount);
        return new LoadReport(
            latencies.Length + failures,
            failures,
            seconds,
            latencies.Length / seconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1],
            keys,
            errors);
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 200 ? text : text[..200];
    }
}
