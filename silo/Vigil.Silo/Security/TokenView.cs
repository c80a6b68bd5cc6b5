namespace Vigil.Silo.Security;

/// <summary>A token in <c>GET /api/v1/tokens</c>: everything but the secret, which the silo does not have.</summary>
public sealed record TokenView(string Id, string Name, string Role, string? Cluster, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
