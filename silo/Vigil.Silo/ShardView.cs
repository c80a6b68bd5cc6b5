namespace Vigil.Silo;

/// <summary>One shard in <c>GET /api/v1/shards</c>: its lease holder, epoch and expiry (database clock).</summary>
public sealed record ShardView(int Shard, string? Owner, long? Epoch, DateTimeOffset? ExpiresAt);
