using System.Text.Json.Nodes;
using Vigil.Grains.Security;
using Vigil.Silo.Ingestion.Http;
using Vigil.Silo.OpenApi;
using Vigil.Silo.Security;

namespace Vigil.Silo.Admission;

public static class AdmissionEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/v1/clusters/{cluster}/admission", async (HttpContext http, string cluster, AdmissionWebhook webhook) =>
        {
            try
            {
                IngestionEndpoints.ThrowIfBadCluster(cluster);
                return Results.Json(await webhook.ReviewAsync(http, cluster, http.RequestAborted));
            }
            catch (IngestionRejectedException rejected)
            {
                return IngestionEndpoints.Reject(rejected);
            }
        }).RequireToken(TokenRole.Ingest, IngestionEndpoints.ClusterParameter)
            .WithTags("Ingestion")
            .WithSummary("Review an admission request (validating webhook)")
            .WithDescription("An AdmissionReview (admission.k8s.io/v1) from a validating webhook configuration; the answer is the "
                + "AdmissionReview with its response, allowed or denied by the workload policies.")
            .DocumentsBody<JsonObject>("An AdmissionReview (admission.k8s.io/v1).", "application/json")
            .Produces<JsonObject>()
            .Produces<IngestionError>(StatusCodes.Status400BadRequest)
            .Produces<IngestionError>(StatusCodes.Status413PayloadTooLarge);
    }
}
