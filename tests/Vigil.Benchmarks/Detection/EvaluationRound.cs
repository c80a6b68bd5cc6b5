namespace Vigil.Benchmarks.Detection;

/// <summary>One timed run of rule evaluation: its rate, and how many rule matches per thousand events it found.</summary>
public sealed record EvaluationRound(double EventsPerSecond, double MatchesPerThousand);
