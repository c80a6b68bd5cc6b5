namespace Vigil.Silo.Security;

/// <summary>
/// <c>GET /api/v1/session</c>: who the presented token is, so the dashboard can greet its user and show only what
/// the token may do. <see cref="Cluster"/> is null for a token that reads every cluster.
/// </summary>
public sealed record SessionView(string TokenId, string Name, string Role, string? Cluster, bool CanChangeAlerts);
