namespace Vigil.Runtime.Clustering;

/// <summary>One row of the lease table, for the operators' view.</summary>
public sealed record ShardLeaseRecord(int Shard, string? OwnerSilo, long? OwnerIncarnation, long Epoch, DateTimeOffset ExpiresAt);
