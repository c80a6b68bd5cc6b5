using Microsoft.Net.Http.Headers;
using Vigil.Grains.Security;

namespace Vigil.Silo.Security;

/// <summary>
/// Enforces each endpoint's <see cref="TokenRequirement"/>. It runs after routing, so it sees the endpoint chosen
/// and its route values, and it covers handlers of every shape (endpoint filters skip plain request delegates).
/// An endpoint under <c>/api/</c> that declares nothing needs an admin token: forgetting the requirement must not
/// open an endpoint.
/// </summary>
public sealed class TokenAuthenticationMiddleware(RequestDelegate next, TokenAuthenticator authenticator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        // Routing's own refusals (405 for a method no route takes, 415 for a body type none accepts) only say so and
        // must not answer 401 instead; every other endpoint under /api/ that declares nothing needs admin.
        var requirement = endpoint?.Metadata.GetMetadata<TokenRequirement>()
            ?? (endpoint is not null && !IsRoutingRefusal(endpoint) && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? TokenRequirement.Undeclared
                : null);
        if (requirement is null)
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization;
        var principal = header.Count == 1
            ? await authenticator.AuthenticateAsync(header[0], context.RequestAborted)
            : null;
        if (principal is null)
        {
            var presented = header.Count > 0;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = presented ? "Bearer realm=\"vigil\", error=\"invalid_token\"" : "Bearer realm=\"vigil\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, presented
                ? "The bearer token is unknown or revoked."
                : "This endpoint needs a token: send 'Authorization: Bearer TOKEN'.");
            return;
        }

        var cluster = requirement.AnyCluster
            ? principal.Cluster
            : requirement.ClusterRouteParameter is { } parameter ? context.Request.RouteValues[parameter]?.ToString() : null;
        if (!principal.Allows(requirement.Role, cluster))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, Forbidden(principal, requirement.Role, cluster));
            return;
        }

        context.Items[typeof(TokenPrincipal)] = principal;
        await next(context);
    }

    private static bool IsRoutingRefusal(Endpoint endpoint) =>
        endpoint is not RouteEndpoint && endpoint.DisplayName is "405 HTTP Method Not Supported" or "415 HTTP Unsupported Media Type";

    private static string Forbidden(TokenPrincipal principal, TokenRole required, string? cluster)
    {
        if (principal.Role != TokenRole.Admin && principal.Role != required)
        {
            return $"This token's role is {TokenRoles.Name(principal.Role)}; this needs {TokenRoles.Name(required)}.";
        }

        return cluster is null
            ? $"This token is scoped to cluster '{principal.Cluster}' and works only for requests about that cluster."
            : $"This token is scoped to cluster '{principal.Cluster}', not '{cluster}'.";
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), context.RequestAborted);
    }
}
