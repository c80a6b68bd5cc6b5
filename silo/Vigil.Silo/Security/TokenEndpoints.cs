using System.Text.Json;
using Vigil.Grains.Security;
using Vigil.Runtime;
using Vigil.Silo.OpenApi;

namespace Vigil.Silo.Security;

/// <summary>
/// Turns on token checks for every endpoint (see <see cref="TokenAuthenticationMiddleware"/>) and maps the admin
/// API: <c>POST /api/v1/tokens</c> (the token is in the answer, once), <c>GET /api/v1/tokens</c> (no secrets) and
/// <c>DELETE /api/v1/tokens/{id}</c> (revoke). Only an admin token for every cluster manages tokens.
/// </summary>
public static class TokenEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<TokenAuthenticationMiddleware>();
        var tokens = app.MapGroup("/api/v1/tokens").RequireToken(TokenRole.Admin, clusterRouteParameter: null).WithTags("Tokens");
        tokens.MapPost("", CreateAsync)
            .WithSummary("Create a token")
            .WithDescription("The answer holds the token itself, the only time it is shown; the silo keeps its hash.")
            .DocumentsBody<TokenCreateRequest>("name and role (viewer, ingest or admin) are required; cluster scopes the token to one cluster.", "application/json")
            .Produces<CreatedTokenView>(StatusCodes.Status201Created)
            .ProducesApiError(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        tokens.MapGet("", async (IGrainFactory grains) =>
            Results.Json((await Registry(grains).ListAsync()).OrderBy(t => t.CreatedAt).Select(View)))
            .WithSummary("List the tokens, without their secrets")
            .Produces<TokenView[]>();
        tokens.MapDelete("/{id}", RevokeAsync)
            .WithSummary("Revoke a token")
            .WithDescription("Takes effect at once on this silo and within 5 s on the others; revoking the last admin token for every cluster is refused.")
            .Produces<TokenView>()
            .ProducesApiError(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        // Any token that may read: a viewer scoped to one cluster signs in to the dashboard too.
        app.MapGet("/api/v1/session", (HttpContext http) => http.GetTokenPrincipal() is { } principal
                ? Results.Json(new SessionView(
                    principal.TokenId, principal.Name, TokenRoles.Name(principal.Role), principal.Cluster, principal.Role == TokenRole.Admin))
                : Results.Unauthorized())
            .RequireToken(TokenRole.Viewer, clusterRouteParameter: null, anyCluster: true)
            .WithTags("Tokens")
            .WithSummary("Who the presented token is")
            .WithDescription("Role, name and cluster scope of the token itself, so a client (the dashboard) shows only what it may do. Any viewer or admin token, scoped or not.")
            .Produces<SessionView>();
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, TokenAuthenticator authenticator, TimeProvider time)
    {
        TokenCreateRequest? body = null;
        if (request.ContentLength is null or <= MaxBodyBytes)
        {
            try
            {
                // Whatever the Content-Type says: curl -d sends form encoding by default, and the body is still JSON.
                var buffer = new byte[MaxBodyBytes + 1];
                int total = 0, read;
                while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), request.HttpContext.RequestAborted)) > 0)
                {
                    total += read;
                }
                body = total <= MaxBodyBytes ? JsonSerializer.Deserialize<TokenCreateRequest>(buffer.AsSpan(0, total), Json) : null;
            }
            catch (JsonException)
            {
            }
        }

        if (TokenCreateValidation.Validate(body, out var role) is { } problem)
        {
            return Results.Json(new ApiError(problem), statusCode: StatusCodes.Status400BadRequest);
        }

        // An id or hash collision is all but impossible; one retry with fresh values covers it, so false twice means full.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var token = BearerTokens.Create();
            var record = new TokenRecord(BearerTokens.CreateId(), body!.Name!.Trim(), role, body.Cluster, BearerTokens.Hash(token), time.GetUtcNow());
            if (await Registry(grains).AddAsync(record))
            {
                authenticator.Invalidate();
                return Results.Json(
                    new CreatedTokenView(record.Id, record.Name, TokenRoles.Name(role), record.Cluster, record.CreatedAt, token),
                    statusCode: StatusCodes.Status201Created);
            }
        }

        return Results.Json(new ApiError($"The registry holds its maximum of {TokenRegistryGrain.MaxTokens} tokens."), statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> RevokeAsync(string id, IGrainFactory grains, TokenAuthenticator authenticator)
    {
        var result = await Registry(grains).RevokeAsync(id);
        authenticator.Invalidate();
        return result.Outcome switch
        {
            TokenRevokeOutcome.Unknown => Results.Json(new ApiError($"No token has id '{id}'."), statusCode: StatusCodes.Status404NotFound),
            TokenRevokeOutcome.LastAdmin => Results.Json(
                new ApiError($"Token '{id}' is the last active admin token for every cluster; create another before revoking it."),
                statusCode: StatusCodes.Status409Conflict),
            _ => Results.Json(View(result.Token!)),
        };
    }

    private static ITokenRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<ITokenRegistryGrain>(ITokenRegistryGrain.Key);

    private static TokenView View(TokenRecord t) => new(t.Id, t.Name, TokenRoles.Name(t.Role), t.Cluster, t.CreatedAt, t.RevokedAt);
}
