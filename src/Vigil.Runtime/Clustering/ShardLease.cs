namespace Vigil.Runtime.Clustering;

/// <summary>A shard held at an epoch: the fencing token every durable write of that shard must still match.</summary>
public readonly record struct ShardLease(int Shard, long Epoch);
