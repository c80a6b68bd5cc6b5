namespace Vigil.Silo.Security;

/// <summary>The body of <c>POST /api/v1/tokens</c>.</summary>
public sealed record TokenCreateRequest(string? Name, string? Role, string? Cluster);
