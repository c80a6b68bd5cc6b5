using System.Diagnostics;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// When one stream's batches are due: every <see cref="Interval"/> from <see cref="Offset"/> (the streams staggered
/// evenly, so the silo sees a steady rate rather than bursts), on the clock that started at <see cref="Origin"/>
/// (a <see cref="Stopwatch"/> timestamp). A zero interval sends as fast as acks allow.
/// </summary>
public sealed record Pacing(TimeSpan Interval, TimeSpan Offset, long Origin)
{
    public static Pacing For(double eventsPerSecond, int batchSize, int stream, int streams, long origin)
    {
        if (eventsPerSecond <= 0)
        {
            return new Pacing(TimeSpan.Zero, TimeSpan.Zero, origin);
        }
        var interval = TimeSpan.FromSeconds(batchSize * streams / eventsPerSecond);
        return new Pacing(interval, interval * stream / streams, origin);
    }

    /// <summary>The timestamp of <paramref name="due"/> on this clock.</summary>
    public long Timestamp(TimeSpan due) => Origin + (long)(due.TotalSeconds * Stopwatch.Frequency);
}
