using System.Text.Json;
using Vigil.Silo.Ingestion.Http;

namespace Vigil.Silo.Admission;

/// <summary>
/// Reads one AdmissionReview (admission.k8s.io v1, or v1beta1, which has the same shape) and refuses, with a 400 that
/// says what is wrong, anything the API server would never send: the reply has to echo a uid, so without one there
/// is nothing to answer.
/// </summary>
public static class AdmissionReviewReader
{
    public static readonly IReadOnlyList<string> ApiVersions = ["admission.k8s.io/v1", "admission.k8s.io/v1beta1"];

    private static readonly string[] Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

    public static AdmissionRequestInfo Read(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw Malformed($"line {(e.LineNumber ?? 0) + 1}: the body is not one JSON document: {e.Message}");
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static AdmissionRequestInfo Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed($"expected an AdmissionReview object, not {root.ValueKind.ToString().ToLowerInvariant()}");
        }
        if (!root.TryGetProperty("request", out _) && root.TryGetProperty("uid", out _) && root.TryGetProperty("operation", out _))
        {
            throw Malformed("this is a bare AdmissionRequest; the API server sends it wrapped: {\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{…}}");
        }
        var kind = OptionalString(root, "kind");
        if (kind != "AdmissionReview")
        {
            throw Malformed($"kind is '{kind}', not AdmissionReview");
        }
        var apiVersion = OptionalString(root, "apiVersion");
        if (!ApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            throw Malformed($"apiVersion '{apiVersion}' is not one of {string.Join(", ", ApiVersions)}");
        }
        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("the review has no request object");
        }
        var uid = OptionalString(request, "uid");
        if (uid.Length == 0)
        {
            throw Malformed("request.uid is missing; the response must echo it");
        }
        var operation = OptionalString(request, "operation");
        if (!Operations.Contains(operation, StringComparer.Ordinal))
        {
            throw Malformed($"request.operation '{operation}' is not one of {string.Join(", ", Operations)}");
        }
        var objectKind = request.TryGetProperty("kind", out var gvk) && gvk.ValueKind == JsonValueKind.Object ? OptionalString(gvk, "kind") : "";
        if (objectKind.Length == 0)
        {
            throw Malformed("request.kind.kind is missing");
        }
        var resource = request.TryGetProperty("resource", out var gvr) && gvr.ValueKind == JsonValueKind.Object ? OptionalString(gvr, "resource") : "";
        if (resource.Length == 0)
        {
            throw Malformed("request.resource.resource is missing");
        }
        var dryRun = request.TryGetProperty("dryRun", out var flag) && flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw Malformed("request.dryRun must be true or false"),
        };
        return new AdmissionRequestInfo(
            apiVersion, uid, objectKind, resource, OptionalString(request, "subResource"), OptionalString(request, "namespace"),
            OptionalString(request, "name"), operation, dryRun, Object(request, "object"), Object(request, "oldObject"));
    }

    private static JsonElement Object(JsonElement request, string name)
    {
        if (!request.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }
        return value.ValueKind == JsonValueKind.Object ? value.Clone() : throw Malformed($"request.{name} must be an object or null");
    }

    private static string OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed($"{name} must be a string");
    }

    private static IngestionRejectedException Malformed(string reason) =>
        IngestionRejectedException.BadRequest("malformed-review", $"Not a valid AdmissionReview: {reason}.");
}
