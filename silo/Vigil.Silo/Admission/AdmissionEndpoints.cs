using Vigil.Grains.Security;
using Vigil.Silo.Ingestion.Http;
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
        }).RequireToken(TokenRole.Ingest, IngestionEndpoints.ClusterParameter);
    }
}
