using Vigil.Grains.Security;

namespace Vigil.Silo.Security;

/// <summary>
/// Endpoint metadata that <see cref="TokenAuthenticationMiddleware"/> enforces: the role a caller needs, and the
/// route value naming the cluster the request is about (null when it is about no one cluster). With
/// <see cref="AnyCluster"/> a token scoped to one cluster qualifies too: the endpoint answers about the token itself.
/// </summary>
public sealed record TokenRequirement(TokenRole Role, string? ClusterRouteParameter, bool AnyCluster = false)
{
    /// <summary>What an endpoint under <c>/api/</c> that declares nothing needs: forgetting the requirement must not open it.</summary>
    public static TokenRequirement Undeclared { get; } = new(TokenRole.Admin, "cluster");
}
