using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Silo.Ingestion.Http;

namespace Vigil.Silo.Admission;

/// <summary>
/// <c>POST /api/v1/clusters/{cluster}/admission</c>: a validating webhook. Pods and workload templates are judged on
/// CREATE and UPDATE (and a pod's ephemeral containers when <c>kubectl debug</c> adds them); everything else is
/// allowed untouched. An admitted workload is recorded in its cluster grain before the answer, unless the request
/// is a dry run, which must have no side effects.
/// </summary>
public sealed class AdmissionWebhook(AdmissionOptions policies, IOptions<IngestionOptions> limits, WorkloadRecorder recorder)
{
    public async Task<JsonObject> ReviewAsync(HttpContext http, string cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await RequestBody.ReadAsync(http, limits.Value, cancellationToken);
        RequestBody.ThrowIfBlank(body);
        var request = AdmissionReviewReader.Read(body);

        var workload = WorkloadPolicies.WorkloadResources.Contains(request.Resource)
            && (request.SubResource.Length == 0 || (request.Resource == "pods" && request.SubResource == "ephemeralcontainers"));
        var verdict = AdmissionVerdict.Allow;
        if (workload && request.Operation is "CREATE" or "UPDATE")
        {
            if (request.Object.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw IngestionRejectedException.BadRequest(
                    "malformed-review", $"Not a valid AdmissionReview: a {request.Operation} of {request.Resource} carries no request.object.");
            }
            verdict = AdmissionVerdict.Judge(WorkloadPolicies.Evaluate(request.Resource, request.Object, policies), policies, request.Namespace);
        }
        if (workload && verdict.Allowed && !request.DryRun && request.Operation is "CREATE" or "UPDATE" or "DELETE")
        {
            await recorder.RecordAsync(cluster, request);
        }
        return AdmissionResponse.Build(request, verdict);
    }
}
