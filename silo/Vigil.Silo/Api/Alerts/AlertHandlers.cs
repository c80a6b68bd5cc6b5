using Vigil.Grains.Alerts;
using Vigil.Runtime;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Api.Alerts;

/// <summary>The request handlers of the alerts API except the stream.</summary>
public static class AlertHandlers
{
    public static async Task<IResult> ListAsync(HttpContext http, AlertIndexStore store, CancellationToken cancellationToken)
    {
        if (!AlertQueryParser.TryParseQuery(http.Request.Query, AlertEndpoints.RouteCluster(http), out var query, out var error))
        {
            return AlertEndpoints.Error(StatusCodes.Status400BadRequest, error);
        }
        var page = await store.QueryAsync(query, cancellationToken);
        return Results.Json(
            new AlertPageView([.. page.Items.Select(i => AlertSummaryView.Of(i.Alert))], page.Total, query.Limit, page.Next?.Encode()),
            AlertJson.Options);
    }

    public static async Task<IResult> GetAsync(HttpContext http, string id, AlertIndexStore store, CancellationToken cancellationToken)
    {
        if (http.Request.Query.Count > 0)
        {
            return AlertEndpoints.Error(StatusCodes.Status400BadRequest, $"An alert takes no query parameters; got '{http.Request.Query.Keys.First()}'.");
        }
        return await FindAsync(http, id, store, cancellationToken) is { } indexed
            ? Results.Json(AlertDetailView.Of(indexed), AlertJson.Options)
            : NotFound(id);
    }

    public static async Task<IResult> PatchAsync(
        HttpContext http, string id, AlertIndexStore store, AlertStatusRouter router, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return AlertEndpoints.Error(StatusCodes.Status413PayloadTooLarge, $"The body is over {AlertStatusRequest.MaxBytes} bytes.");
        }
        if (!AlertStatusRequest.TryParse(body, out var status, out var error))
        {
            return AlertEndpoints.Error(StatusCodes.Status400BadRequest, error);
        }
        if (await FindAsync(http, id, store, cancellationToken) is not { } indexed)
        {
            return NotFound(id);
        }
        if (!AlertStatusRouter.CanRoute(indexed.GrainType))
        {
            return AlertEndpoints.Error(StatusCodes.Status409Conflict, $"Alerts held by {indexed.GrainType} grains cannot change status.");
        }
        Alert? changed;
        try
        {
            changed = await router.SetStatusAsync(indexed.GrainType, indexed.GrainKey, id, status);
        }
        catch (GrainCallTimeoutException)
        {
            return AlertEndpoints.Error(StatusCodes.Status503ServiceUnavailable, "The grain holding the alert did not answer in time; try again.");
        }
        if (changed is null)
        {
            return AlertEndpoints.Error(StatusCodes.Status410Gone,
                $"Alert {id} is no longer held by its grain ({indexed.GrainType} {indexed.GrainKey}): it was evicted past the grain's bound.");
        }
        // The feed brings the change to the index as well; writing it here too lets the caller read its own write.
        var updated = indexed with { Alert = changed };
        await store.UpsertAsync([updated], cancellationToken);
        return Results.Json(AlertDetailView.Of(updated), AlertJson.Options);
    }

    private static async Task<IndexedAlert?> FindAsync(HttpContext http, string id, AlertIndexStore store, CancellationToken cancellationToken)
    {
        var found = await store.FindAsync(id, cancellationToken);
        // Through a cluster's path an alert of another cluster does not exist, so a scoped token learns nothing of it.
        return found is not null && AlertEndpoints.RouteCluster(http) is { } cluster && found.Alert.Cluster != cluster ? null : found;
    }

    private static IResult NotFound(string id) => AlertEndpoints.Error(StatusCodes.Status404NotFound, $"No alert with id '{id}'.");

    /// <summary>The body, or null when it is over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > AlertStatusRequest.MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
