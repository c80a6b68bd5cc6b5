namespace Vigil.Benchmarks.Ingest;

/// <summary>One timed run of every sensor stream: events acknowledged per second, ack latencies, alert latencies.</summary>
public sealed record IngestRound(double EventsPerSecond, double AckP50Ms, double AckP99Ms, double AlertP50Ms, double AlertP99Ms, int AlertsMatched, int AttacksSent);
