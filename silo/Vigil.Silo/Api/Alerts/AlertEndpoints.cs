using Vigil.Grains.Security;
using Vigil.Silo.AlertIndex;
using Vigil.Silo.OpenApi;
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
        MapGroup(app.MapGroup("/api/v1/alerts").WithTags("Alerts"), clusterRouteParameter: null, "");
        MapGroup(app.MapGroup("/api/v1/clusters/{cluster}/alerts").WithTags("Alerts"), clusterRouteParameter: "cluster", " of one cluster");
    }

    private static void MapGroup(RouteGroupBuilder group, string? clusterRouteParameter, string scope)
    {
        group.MapGet("", AlertHandlers.ListAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter)
            .WithSummary($"List the alerts{scope}")
            .WithDescription("A page of alerts from the alert index (every silo's), filtered, sorted and paged as the query asks; an unknown parameter is a 400.")
            .Produces<AlertPageView>().ProducesApiError(StatusCodes.Status400BadRequest)
            .AddOpenApiOperationTransformer(AlertOpenApi.ListParametersAsync);
        group.MapGet("/stream", AlertStream.RunAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter)
            .WithSummary($"Stream the alerts{scope} as server-sent events")
            .WithDescription("This silo's alerts as they are opened, added to or changed: ': subscribed' once the subscription is in place, "
                + "'event: alert' with an alert summary (AlertSummaryView) as data, 'event: missed' with {\"missed\": n} when n were dropped "
                + "for a slow reader, and ': heartbeat' on a quiet stream.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream").ProducesApiError(StatusCodes.Status400BadRequest)
            .AddOpenApiOperationTransformer(AlertOpenApi.StreamParametersAsync);
        group.MapGet("/{id}", AlertHandlers.GetAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter)
            .WithSummary($"Get an alert{scope} with its evidence")
            .Produces<AlertDetailView>().ProducesApiError(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPatch("/{id}", AlertHandlers.PatchAsync).RequireToken(TokenRole.Admin, clusterRouteParameter)
            .WithSummary($"Change the status of an alert{scope}")
            .WithDescription("Resolves, dismisses or reopens the alert in the grain that holds it, then in the index.")
            .Produces<AlertDetailView>()
            .ProducesApiError(
                StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(AlertOpenApi.StatusBodyAsync);
    }

    internal static string? RouteCluster(HttpContext http) => http.Request.RouteValues["cluster"] as string;

    internal static IResult Error(int status, string message) => Results.Json(new ApiError(message), AlertJson.Options, statusCode: status);
}
