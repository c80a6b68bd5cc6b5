namespace Vigil.Runtime.Testing.Processes;

/// <summary>One key's share of a load: the longest a call on it took, and the largest result acknowledged.</summary>
public sealed record KeyLoad(long Calls, long Failures, double MaxMs, long? MaxResult);
