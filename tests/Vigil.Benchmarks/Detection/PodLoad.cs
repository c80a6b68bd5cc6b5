using System.Diagnostics;
using Vigil.Benchmarks.Cluster;
using Vigil.Grains.Entities;
using Vigil.Runtime;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// Callers sending batches to pod grains, each caller to its own share of the pods in turn, each waiting for a
/// batch to be processed and committed before sending its next.
/// </summary>
public static class PodLoad
{
    /// <summary>Every pod's every batch once, so pods are active and their state has its steady size.</summary>
    public static Task WarmAsync(IGrainFactory grains, IReadOnlyList<PodFeed> feeds, int callers) =>
        Task.WhenAll(Share(grains, feeds, callers).Select(mine => Task.Run(async () =>
        {
            foreach (var (grain, feed) in mine)
            {
                for (var i = 0; i < feed.Batches; i++)
                {
                    await grain.ObserveAsync(feed.NextBatch());
                }
            }
        })));

    public static async Task<PodLoadRound> RunAsync(IGrainFactory grains, IReadOnlyList<PodFeed> feeds, int callers, TimeSpan duration)
    {
        var shares = Share(grains, feeds, callers);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(shares.Select(mine => Task.Run(async () =>
        {
            var latencies = new List<double>();
            long events = 0;
            for (var k = 0; clock.Elapsed < duration; k++)
            {
                var (grain, feed) = mine[k % mine.Length];
                var batch = feed.NextBatch();
                var started = Stopwatch.GetTimestamp();
                await grain.ObserveAsync(batch);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                events += batch.Length;
            }
            return (Events: events, Latencies: latencies);
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r.Latencies).ToArray();
        return new PodLoadRound(results.Sum(r => r.Events) / elapsed, Percentile.Of(all, 0.5), Percentile.Of(all, 0.99), all.Length);
    }

    private static (IPodGrain Grain, PodFeed Feed)[][] Share(IGrainFactory grains, IReadOnlyList<PodFeed> feeds, int callers) =>
        [.. Enumerable.Range(0, callers).Select(c => feeds
            .Where((_, i) => i % callers == c)
            .Select(f => (grains.GetGrain<IPodGrain>(f.Key), f))
            .ToArray())];
}
