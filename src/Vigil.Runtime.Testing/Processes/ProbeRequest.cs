namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// Call <see cref="Operation"/> on every key, each again after a failure, until one call on it succeeds or
/// <see cref="Seconds"/> have passed: when does every key serve again?
/// </summary>
public sealed record ProbeRequest(string Operation, IReadOnlyList<string> Keys, double Seconds, int Concurrency = 256);
