namespace Vigil.Runtime;

/// <summary>A grain's stored state: its serialized bytes (null once cleared) and its version (0 = never written).</summary>
public sealed record StoredState(byte[]? Payload, long Version);
