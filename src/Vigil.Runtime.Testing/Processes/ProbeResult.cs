namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// One key's probe: when its first successful call returned (Unix milliseconds on this machine's clock, so the
/// test process can compare it with its own), the result, and the last failure before it.
/// </summary>
public sealed record ProbeResult(long? Result, long? SucceededAtUnixMs, int Attempts, string? LastError);
