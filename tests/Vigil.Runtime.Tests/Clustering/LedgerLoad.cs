using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>
/// Continuous writes to many ledger grains: each worker owns a slice of the keys and appends the next number to
/// each in turn, through whichever silo <c>via</c> offers, remembering every append that was acknowledged so the
/// test can look for it afterwards.
/// </summary>
public sealed class LedgerLoad(string[] keys, int workers, Func<IGrainFactory?> via)
{
    private readonly List<int>[] _acknowledged = keys.Select(_ => new List<int>()).ToArray();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private long _acked;
    private long _failed;
    private long _mark = long.MaxValue;
    private long _ackedSinceMark;

    public long Acknowledged => Interlocked.Read(ref _acked);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Acknowledged appends whose call began after <see cref="Mark"/>.</summary>
    public long AcknowledgedSinceMark => Interlocked.Read(ref _ackedSinceMark);

    /// <summary>Grains with at least one acknowledged append.</summary>
    public int GrainsWritten => _acknowledged.Count(a => a.Count > 0);

    public IReadOnlyDictionary<string, int> Failures => _failures;

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w))));

    /// <summary>From now on, acknowledged appends are also counted in <see cref="AcknowledgedSinceMark"/>.</summary>
    public void Mark() => Interlocked.Exchange(ref _mark, Stopwatch.GetTimestamp());

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    /// <summary>The latency below which <paramref name="fraction"/> of acknowledged calls fall.</summary>
    public TimeSpan Percentile(double fraction)
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(sorted[(int)Math.Min(sorted.Length - 1, sorted.Length * fraction)]);
    }

    /// <summary>Reads every grain back and names those missing an acknowledged append, with what is missing.</summary>
    public async Task<IReadOnlyList<string>> FindLostAsync(IGrainFactory grains)
    {
        var lost = new ConcurrentBag<string>();
        foreach (var chunk in Enumerable.Range(0, keys.Length).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(async i =>
            {
                var stored = (await grains.GetGrain<ILedgerGrain>(keys[i]).EntriesAsync()).ToHashSet();
                var missing = _acknowledged[i].Where(e => !stored.Contains(e)).ToArray();
                if (missing.Length > 0)
                {
                    lost.Add($"{keys[i]} lacks [{string.Join(",", missing)}]");
                }
            }));
        }

        return [.. lost];
    }

    public string Describe() =>
        $"{Acknowledged} appends acknowledged to {GrainsWritten} grains, {Failed} failed ({string.Join(", ", _failures.Select(f => $"{f.Key} x{f.Value}"))}); " +
        $"latency p50 {Percentile(0.5).TotalMilliseconds:0} ms, p99 {Percentile(0.99).TotalMilliseconds:0} ms, max {Percentile(1).TotalMilliseconds:0} ms";

    private async Task WorkAsync(int worker)
    {
        var mine = Enumerable.Range(0, keys.Length).Where(i => i % workers == worker).ToArray();
        var next = new int[keys.Length];
        for (var turn = 0; !_stop.IsCancellationRequested; turn++)
        {
            var i = mine[turn % mine.Length];
            if (via() is not { } grains)
            {
                // Every silo is down or paused for the moment: try again shortly.
                await Task.Delay(10);
                continue;
            }

            var entry = ++next[i];
            var started = Stopwatch.GetTimestamp();
            try
            {
                await grains.GetGrain<ILedgerGrain>(keys[i]).AppendAsync(entry);
                _acknowledged[i].Add(entry);
                _latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref _acked);
                if (started >= Interlocked.Read(ref _mark))
                {
                    Interlocked.Increment(ref _ackedSinceMark);
                }
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _failed);
                _failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
            }
        }
    }
}
