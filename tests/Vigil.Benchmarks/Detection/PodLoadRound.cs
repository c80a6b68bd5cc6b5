namespace Vigil.Benchmarks.Detection;

/// <summary>One timed run of batches into pod grains: events per second and the latency of each batch, in milliseconds.</summary>
public sealed record PodLoadRound(double EventsPerSecond, double P50Ms, double P99Ms, long Batches);
