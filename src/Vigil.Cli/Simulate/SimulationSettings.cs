namespace Vigil.Cli.Simulate;

/// <summary>One <c>vigil simulate</c> run, as the command line gave it.</summary>
public sealed record SimulationSettings(
    IReadOnlyList<string> Scenarios,
    string Cluster,
    Uri Grpc,
    string? IngestToken,
    TimeSpan Timeout,
    string Run);
