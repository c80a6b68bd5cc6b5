using System.Text.Json.Nodes;

namespace Vigil.Silo.Admission;

/// <summary>
/// The reply the API server expects (admission.k8s.io, "response" member): the request's apiVersion and kind, the
/// uid echoed, allowed, a metav1 Status when refused, and warnings, which kubectl prints and which the API server
/// passes on as HTTP Warning headers (kept under 120 characters each, as it asks).
/// </summary>
public static class AdmissionResponse
{
    public const int MaxWarningLength = 120;

    public const int MaxWarnings = 20;

    public static JsonObject Build(AdmissionRequestInfo request, AdmissionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(verdict);
        var response = new JsonObject
        {
            ["uid"] = request.Uid,
            ["allowed"] = verdict.Allowed,
        };
        if (!verdict.Allowed)
        {
            response["status"] = new JsonObject
            {
                ["code"] = 403,
                ["reason"] = "Forbidden",
                ["message"] = $"Vigil admission policy refused {Describe(request)}: {string.Join("; ", verdict.Denials)}",
            };
        }
        if (verdict.Warnings.Count > 0)
        {
            var warnings = new JsonArray();
            foreach (var finding in verdict.Warnings.Take(verdict.Warnings.Count > MaxWarnings ? MaxWarnings - 1 : MaxWarnings))
            {
                warnings.Add(Shorten($"vigil {finding}"));
            }
            if (verdict.Warnings.Count > MaxWarnings)
            {
                warnings.Add($"vigil: {verdict.Warnings.Count - (MaxWarnings - 1)} more findings not listed");
            }
            response["warnings"] = warnings;
        }
        return new JsonObject
        {
            ["apiVersion"] = request.ApiVersion,
            ["kind"] = "AdmissionReview",
            ["response"] = response,
        };
    }

    private static string Describe(AdmissionRequestInfo request)
    {
        var name = request.Name.Length > 0 ? request.Name : NameOf(request) ?? "(unnamed)";
        return request.Namespace.Length > 0 ? $"{request.Kind} {request.Namespace}/{name}" : $"{request.Kind} {name}";
    }

    private static string? NameOf(AdmissionRequestInfo request) =>
        WorkloadRecorder.MetadataString(request.Object, "name") ?? WorkloadRecorder.MetadataString(request.Object, "generateName");

    private static string Shorten(string text) => text.Length <= MaxWarningLength ? text : text[..(MaxWarningLength - 1)] + "…";
}
