namespace Vigil.Runtime.Testing.Processes;

/// <summary>Call <see cref="Operation"/> once on every key, at most <see cref="Concurrency"/> at a time.</summary>
public sealed record CallRequest(string Operation, IReadOnlyList<string> Keys, int Concurrency = 64);
