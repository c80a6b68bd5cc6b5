using Vigil.Grains.Security;
using Vigil.Silo.Admission;
using Vigil.Silo.Security;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// The HTTP ingestion routes (Tetragon, Falco, audit logs) and the admission webhook, under <c>/api/v1/clusters/{cluster}</c>;
/// each needs an ingest token (or admin) valid for that cluster.
/// </summary>
public static class IngestionEndpoints
{
    public const string ClusterParameter = "cluster";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/v1/clusters/{cluster}/events/tetragon",
            (HttpContext http, string cluster, string? dryRun, RuntimeIngestion ingestion) =>
                Answer(cluster, dryRun, run => ingestion.TetragonAsync(http, cluster, run, http.RequestAborted)))
            .RequireToken(TokenRole.Ingest, ClusterParameter)
            .Ingests("Ingest Tetragon events", "Tetragon's JSON export, one event per line.");
        app.MapPost("/api/v1/clusters/{cluster}/events/falco",
            (HttpContext http, string cluster, string? dryRun, RuntimeIngestion ingestion) =>
                Answer(cluster, dryRun, run => ingestion.FalcoAsync(http, cluster, run, http.RequestAborted)))
            .RequireToken(TokenRole.Ingest, ClusterParameter)
            .Ingests("Ingest Falco alerts", "Falco json_output alerts, one per line.");
        app.MapPost("/api/v1/clusters/{cluster}/audit",
            (HttpContext http, string cluster, string? format, string? dryRun, AuditIngestion ingestion) =>
                Answer(cluster, dryRun, run => ingestion.IngestAsync(http, cluster, format, run, http.RequestAborted)))
            .RequireToken(TokenRole.Ingest, ClusterParameter)
            .Ingests("Ingest API-server audit logs",
                "Audit webhook EventList, log-backend JSON lines, AKS diagnostic records, EKS CloudWatch (also gzip or awslogs.data) "
                + $"or GKE Cloud Logging entries, recognised per record; format ({AuditFormats.Names}) insists on one.");
        AdmissionEndpoints.Map(app);
    }

    /// <summary>Checks what the route and query say before the body is read, and turns a rejection into its 4xx.</summary>
    private static async Task<IResult> Answer(string cluster, string? dryRun, Func<bool, Task<IngestionResult>> ingest)
    {
        try
        {
            ThrowIfBadCluster(cluster);
            return Results.Json(await ingest(DryRun(dryRun)));
        }
        catch (IngestionRejectedException rejected)
        {
            return Reject(rejected);
        }
    }

    public static void ThrowIfBadCluster(string cluster)
    {
        if (ClusterNames.Problem(cluster) is { } problem)
        {
            throw IngestionRejectedException.BadRequest("invalid-cluster", $"Cluster name refused: {problem}.");
        }
    }

    public static IResult Reject(IngestionRejectedException rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return Results.Json(rejected.Body, statusCode: rejected.Status);
    }

    /// <summary><c>?dryRun=true</c> parses and counts without dispatching, so a client can check a whole import before sending any of it.</summary>
    private static bool DryRun(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw IngestionRejectedException.BadRequest("invalid-dry-run", $"dryRun '{value}' is neither true nor false."),
    };
}
