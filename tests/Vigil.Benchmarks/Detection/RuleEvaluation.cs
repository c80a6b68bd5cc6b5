using System.Diagnostics;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// The pod grain's per-event detection work without the grain: wrap the wire message as a
/// <see cref="DetectionEvent"/> (its lineage is built per event) and evaluate the rules of its source.
/// </summary>
public static class RuleEvaluation
{
    // Reading the clock is cheap next to an evaluation, but not free: look every so many events.
    private const int ClockStride = 256;

    public static EvaluationRound Measure<T>(
        IReadOnlyList<T> events, Func<T, DetectionEvent> wrap, RuleSet<DetectionEvent> rules, RuleSource source, TimeSpan duration)
    {
        var matches = new List<CompiledRule<DetectionEvent>>();
        long evaluated = 0;
        long matched = 0;
        var index = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < ClockStride; i++)
            {
                matches.Clear();
                matched += rules.Evaluate(wrap(events[index]), source, matches);
                index = index + 1 == events.Count ? 0 : index + 1;
            }
            evaluated += ClockStride;
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        return new EvaluationRound(evaluated / elapsed, matched * 1000.0 / evaluated);
    }
}
