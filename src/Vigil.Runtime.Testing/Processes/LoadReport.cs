namespace Vigil.Runtime.Testing.Processes;

/// <summary>What a load did: call counts, latency of successful calls, per-key extremes, and failures by message.</summary>
public sealed record LoadReport(
    long Calls,
    long Failures,
    double Seconds,
    double CallsPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, KeyLoad> Keys,
    IReadOnlyDictionary<string, int> Errors);
