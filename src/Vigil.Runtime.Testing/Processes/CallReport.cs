namespace Vigil.Runtime.Testing.Processes;

/// <summary>Each key's result (the call was acknowledged) or the failure it met instead.</summary>
public sealed record CallReport(IReadOnlyDictionary<string, long> Results, IReadOnlyDictionary<string, string> Failures);
