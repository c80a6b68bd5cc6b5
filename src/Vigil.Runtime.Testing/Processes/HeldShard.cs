namespace Vigil.Runtime.Testing.Processes;

/// <summary>A shard this silo believes it holds, at the epoch it took it.</summary>
public sealed record HeldShard(int Shard, long Epoch);
