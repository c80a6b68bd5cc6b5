namespace Vigil.Runtime;

/// <summary>A state write carried a version that is no longer the stored one: another writer got there first.</summary>
public sealed class InconsistentStateException(GrainId grain, long expectedVersion)
    : Exception($"State of grain {grain} was changed by another writer (this writer expected version {expectedVersion}).")
{
    public GrainId Grain { get; } = grain;

    public long ExpectedVersion { get; } = expectedVersion;
}
