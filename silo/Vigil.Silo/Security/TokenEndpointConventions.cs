using Vigil.Grains.Security;

namespace Vigil.Silo.Security;

public static class TokenEndpointConventions
{
    /// <summary>
    /// Requires a bearer token with <paramref name="role"/> (admin always qualifies): 401 without a valid one, 403
    /// for a weaker role or a token scoped to a cluster other than the route value <paramref name="clusterRouteParameter"/>.
    /// Works on one endpoint or a group, whatever its handler's shape. Endpoints under <c>/api/</c> without it need admin.
    /// With <paramref name="anyCluster"/> a token scoped to one cluster qualifies too (the endpoint answers within its scope).
    /// </summary>
    public static TBuilder RequireToken<TBuilder>(this TBuilder builder, TokenRole role, string? clusterRouteParameter = "cluster", bool anyCluster = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TokenRequirement(role, clusterRouteParameter, anyCluster));

    /// <summary>The principal whose token let this request through; null on an endpoint that needs none.</summary>
    public static TokenPrincipal? GetTokenPrincipal(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(TokenPrincipal), out var principal) ? principal as TokenPrincipal : null;
    }
}
