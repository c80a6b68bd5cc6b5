using Vigil.Grains.Security;
using Vigil.Silo.AlertIndex;
using Vigil.Silo.Security;

namespace Vigil.Silo.Api.Alerts;

/// <summary>
/// The alerts API, under <c>/api/v1/alerts</c> for tokens that see every cluster and under
/// <c>/api/v1/clusters/{cluster}/alerts</c> for all tokens, a cluster-scoped one included (that path fixes the
/// cluster filter). Reads need a viewer token, a status change an admin one. Lists and details come from the alert
/// index (every silo's alerts); a status change goes to the grain that holds the alert; the stream is this silo's
/// <c>AlertFeed</c>.
/// </summary>
public static class AlertEndpoints
{
    public static void Map(WebApplication app)
    {
        MapGroup(app.MapGroup("/api/v1/alerts"), clusterRouteParameter: null);
        MapGroup(app.MapGroup("/api/v1/clusters/{cluster}/alerts"), clusterRouteParameter: "cluster");
    }

    private static void MapGroup(RouteGroupBuilder group, string? clusterRouteParameter)
    {
        group.MapGet("", AlertHandlers.ListAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter);
        group.MapGet("/stream", AlertStream.RunAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter);
        group.MapGet("/{id}", AlertHandlers.GetAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter);
        group.MapPatch("/{id}", AlertHandlers.PatchAsync).RequireToken(TokenRole.Admin, clusterRouteParameter);
    }

    internal static string? RouteCluster(HttpContext http) => http.Request.RouteValues["cluster"] as string;

    internal static IResult Error(int status, string message) => Results.Json(new ApiError(message), AlertJson.Options, statusCode: status);
}
