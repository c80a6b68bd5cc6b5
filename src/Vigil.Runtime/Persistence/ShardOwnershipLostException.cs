namespace Vigil.Runtime.Persistence;

/// <summary>A write was not committed because its shard is owned by another silo now; it was never acknowledged.</summary>
public sealed class ShardOwnershipLostException(GrainId grain)
    : Exception($"Shard {grain.Shard} of grain {grain} is no longer owned by this silo; the write was not committed.")
{
    public GrainId Grain { get; } = grain;
}
