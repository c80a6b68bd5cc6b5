using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Audit;

/// <summary>
/// Maps a Cloud Logging LogEntry whose protoPayload is a Kubernetes AuditLog to an <see cref="AuditEvent"/>.
/// GKE does not log stage, level, groups or the HTTP code; those are inferred as Falco's converter does and
/// named in the <see cref="InferredAnnotation"/> annotation so nobody mistakes them for logged values.
/// </summary>
internal static class GkeLogEntryMapper
{
    public const string InferredAnnotation = "vigil.dev/inferred";

    public static bool LooksLikeEntry(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("protoPayload"u8, out _);

    /// <summary>Null when the entry is an audit log of another Google service, with the reason.</summary>
    public static AuditEvent? Map(JsonElement entry, string cluster, out string skipReason)
    {
        skipReason = "";
        if (!JsonFields.TryObject(entry, "protoPayload"u8, out var payload))
        {
            throw new InvalidRecordException("protoPayload must be an object");
        }

        var service = JsonFields.String(payload, "serviceName"u8);
        if (service.Length == 0)
        {
            service = JsonFields.String(entry, "serviceName"u8);
        }

        var method = JsonFields.String(payload, "methodName"u8);
        if ((service.Length > 0 && service != "k8s.io") || !method.StartsWith("io.k8s.", StringComparison.Ordinal))
        {
            skipReason = $"not a Kubernetes API audit entry (serviceName '{service}', methodName '{method}')";
            return null;
        }

        var audit = new AuditEvent
        {
            Cluster = cluster.Length > 0 ? cluster : ResourceLabel(entry, "cluster_name"u8),
            Verb = method[(method.LastIndexOf('.') + 1)..],
            RequestObjectJson = JsonFields.Raw(payload, "request"u8),
            ResponseObjectJson = JsonFields.Raw(payload, "response"u8),
        };
        audit.AuditId = AuditId(entry);
        var time = JsonFields.Time(entry, "timestamp"u8);
        audit.RequestReceivedUnixNano = audit.StageUnixNano = time != 0 ? time : JsonFields.Time(payload, "timestamp"u8);

        if (JsonFields.TryObject(payload, "authenticationInfo"u8, out var authn))
        {
            audit.User = new UserInfo { Username = JsonFields.String(authn, "principalEmail"u8) };
        }

        if (JsonFields.TryObject(payload, "requestMetadata"u8, out var metadata))
        {
            // The real field is callerIp; Panther's samples spell it callerIP.
            var ip = JsonFields.String(metadata, "callerIp"u8);
            ip = ip.Length > 0 ? ip : JsonFields.String(metadata, "callerIP"u8);
            if (ip.Length > 0)
            {
                audit.SourceIps.Add(ip);
            }

            audit.UserAgent = JsonFields.String(metadata, "callerSuppliedUserAgent"u8);
        }

        var resourceName = JsonFields.String(payload, "resourceName"u8);
        audit.ObjectRef = GkeResourceName.Parse(resourceName) ?? GkeResourceName.FromMethod(method);
        audit.RequestUri = audit.ObjectRef is null ? "/" + resourceName : GkeResourceName.RequestUri(audit.ObjectRef);

        if (JsonFields.TryObject(entry, "labels"u8, out var labels))
        {
            NativeAuditEventMapper.AddAnnotations(labels, audit);
        }

        var streaming = audit.ObjectRef?.Subresource is "exec" or "attach" or "portforward";
        audit.Stage = streaming ? "ResponseStarted" : "ResponseComplete";
        audit.Level = !audit.ResponseObjectJson.IsEmpty ? "RequestResponse" : !audit.RequestObjectJson.IsEmpty ? "Request" : "Metadata";
        audit.ResponseCode = ResponseCode(payload, audit.Verb, streaming);
        audit.Annotations[InferredAnnotation] = "stage,level,responseCode,requestURI";
        return audit;
    }

    private static string AuditId(JsonElement entry)
    {
        if (JsonFields.TryObject(entry, "operation"u8, out var operation))
        {
            var id = JsonFields.String(operation, "id"u8);
            if (id.Length > 0)
            {
                return id;
            }
        }

        return JsonFields.String(entry, "insertId"u8);
    }

    private static int ResponseCode(JsonElement payload, string verb, bool streaming)
    {
        var code = JsonFields.TryObject(payload, "status"u8, out var status) ? JsonFields.Int64(status, "code"u8) : 0;
        if (code != 0)
        {
            return GrpcStatusCodes.ToHttp(code);
        }

        return streaming ? 101 : verb == "create" ? 201 : 200;
    }

    private static string ResourceLabel(JsonElement entry, ReadOnlySpan<byte> label) =>
        JsonFields.TryObject(entry, "resource"u8, out var resource) && JsonFields.TryObject(resource, "labels"u8, out var labels)
            ? JsonFields.String(labels, label)
            : "";
}
