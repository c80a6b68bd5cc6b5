namespace Vigil.Runtime.Persistence;

/// <summary>One state write for the commit queue: a null payload clears the state (a tombstone keeps the version).</summary>
public sealed record StateWrite(GrainId Grain, byte[]? Payload, long ExpectedVersion);
