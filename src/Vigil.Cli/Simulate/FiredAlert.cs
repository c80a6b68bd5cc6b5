namespace Vigil.Cli.Simulate;

/// <summary>An alert the API reported that matches an expected one.</summary>
public sealed record FiredAlert(string Id, string Severity, DateTimeOffset FirstSeen);
