using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Audit;

/// <summary>Maps an audit.k8s.io Event (v1, v1beta1, or with no apiVersion at all) to an <see cref="AuditEvent"/>.</summary>
internal static class NativeAuditEventMapper
{
    /// <summary>
    /// Shape test rather than apiVersion test: a third of the real fixtures have no apiVersion, and Panther's
    /// minimal samples lack auditID and stage but still say what was done to what.
    /// </summary>
    public static bool LooksLikeEvent(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (root.TryGetProperty("kind"u8, out var kind) && kind.ValueKind == JsonValueKind.String)
        {
            return kind.ValueEquals("Event"u8);
        }

        return root.TryGetProperty("auditID"u8, out _) || root.TryGetProperty("verb"u8, out _)
            || (root.TryGetProperty("objectRef"u8, out _) && root.TryGetProperty("user"u8, out _));
    }

    public static AuditEvent Map(JsonElement e, string cluster)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRecordException($"an audit Event must be a JSON object, not {e.ValueKind.ToString().ToLowerInvariant()}");
        }

        var audit = new AuditEvent
        {
            Cluster = cluster,
            AuditId = JsonFields.String(e, "auditID"u8),
            Stage = JsonFields.String(e, "stage"u8),
            Level = JsonFields.String(e, "level"u8),
            Verb = JsonFields.String(e, "verb"u8),
            RequestUri = JsonFields.String(e, "requestURI"u8),
            UserAgent = JsonFields.String(e, "userAgent"u8),
            RequestObjectJson = JsonFields.Raw(e, "requestObject"u8),
            ResponseObjectJson = JsonFields.Raw(e, "responseObject"u8),
            RequestReceivedUnixNano = JsonFields.Time(e, "requestReceivedTimestamp"u8),
            StageUnixNano = JsonFields.Time(e, "stageTimestamp"u8),
        };

        if (audit.RequestReceivedUnixNano == 0)
        {
            // v1beta1's own field; v1 dropped it, but historic logs carry only this on some producers.
            audit.RequestReceivedUnixNano = JsonFields.Time(e, "timestamp"u8);
        }

        if (JsonFields.TryObject(e, "user"u8, out var user))
        {
            audit.User = MapUser(user);
        }

        if (JsonFields.TryObject(e, "impersonatedUser"u8, out var impersonated))
        {
            audit.ImpersonatedUser = MapUser(impersonated);
        }

        JsonFields.AddStrings(e, "sourceIPs"u8, audit.SourceIps);
        if (JsonFields.TryObject(e, "objectRef"u8, out var objectRef))
        {
            audit.ObjectRef = new ObjectReference
            {
                Resource = JsonFields.String(objectRef, "resource"u8),
                Subresource = JsonFields.String(objectRef, "subresource"u8),
                Namespace = JsonFields.String(objectRef, "namespace"u8),
                Name = JsonFields.String(objectRef, "name"u8),
                ApiGroup = JsonFields.String(objectRef, "apiGroup"u8),
                ApiVersion = JsonFields.String(objectRef, "apiVersion"u8),
            };
        }

        if (JsonFields.TryObject(e, "responseStatus"u8, out var status))
        {
            audit.ResponseCode = (int)JsonFields.Int64(status, "code"u8);
        }

        if (JsonFields.TryObject(e, "annotations"u8, out var annotations))
        {
            AddAnnotations(annotations, audit);
        }

        return audit;
    }

    public static UserInfo MapUser(JsonElement user)
    {
        var info = new UserInfo
        {
            Username = JsonFields.String(user, "username"u8),
            Uid = JsonFields.String(user, "uid"u8),
        };
        JsonFields.AddStrings(user, "groups"u8, info.Groups);
        return info;
    }

    public static void AddAnnotations(JsonElement annotations, AuditEvent audit)
    {
        foreach (var pair in annotations.EnumerateObject())
        {
            // Values are strings by the schema; a stray number or bool is kept as its JSON text, not dropped.
            audit.Annotations[pair.Name] = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText();
        }
    }
}
