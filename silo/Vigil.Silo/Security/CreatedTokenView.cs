namespace Vigil.Silo.Security;

/// <summary>The answer to <c>POST /api/v1/tokens</c>: the only time the token itself is shown.</summary>
public sealed record CreatedTokenView(string Id, string Name, string Role, string? Cluster, DateTimeOffset CreatedAt, string Token);
