namespace Vigil.Cli.Simulate;

/// <summary>The silo refused part of a simulation; the message says what and why.</summary>
public sealed class SimulationException(string message) : Exception(message);
