namespace Vigil.Runtime.Testing.Processes;

/// <summary>A lease row as the database sees it now: its holder, epoch and expiry, and whether it has not expired.</summary>
public sealed record ShardOwner(int Shard, string? Silo, long? Incarnation, long Epoch, DateTimeOffset ExpiresAt, bool Live);
