using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Audit;

/// <summary>
/// An Azure Monitor resource-log record from AKS diagnostic settings. Only the kube-audit and kube-audit-admin
/// categories carry audit Events (in <c>properties.log</c>, a JSON string to decode a second time); every other
/// category that shares the hub (klog text, guard, the Activity Log) is skipped with its category named.
/// </summary>
internal static class AksRecordMapper
{
    public static bool LooksLikeRecord(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("category"u8, out _)
        && (root.TryGetProperty("properties"u8, out _) || root.TryGetProperty("operationName"u8, out _));

    /// <summary>Null with a reason when the record is not an audit category.</summary>
    public static AuditEvent? Map(JsonElement record, string cluster, out string skipReason)
    {
        skipReason = "";
        var category = JsonFields.String(record, "category"u8);
        if (category is not ("kube-audit" or "kube-audit-admin"))
        {
            skipReason = $"AKS record of category '{category}' is not an audit event";
            return null;
        }

        if (!JsonFields.TryObject(record, "properties"u8, out var properties) || !properties.TryGetProperty("log"u8, out var log))
        {
            throw new InvalidRecordException($"AKS {category} record has no properties.log");
        }

        var name = cluster.Length > 0 ? cluster : ClusterFromResourceId(JsonFields.String(record, "resourceId"u8));
        switch (log.ValueKind)
        {
            case JsonValueKind.Object:
                // One Elastic sample carries the event already decoded; accept it as it is.
                return NativeAuditEventMapper.Map(log, name);
            case JsonValueKind.String:
                using (var inner = ParseInner(log))
                {
                    return NativeAuditEventMapper.Map(inner.RootElement, name);
                }

            default:
                throw JsonFields.WrongType("properties.log"u8, "a JSON string or object", log);
        }
    }

    /// <summary>The managed cluster's name from its ARM id (…/managedClusters/NAME or …/connectedClusters/NAME).</summary>
    public static string ClusterFromResourceId(string resourceId)
    {
        var parts = resourceId.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Equals("managedClusters", StringComparison.OrdinalIgnoreCase) || parts[i].Equals("connectedClusters", StringComparison.OrdinalIgnoreCase))
            {
                return parts[i + 1].ToLowerInvariant();
            }
        }

        return "";
    }

    private static JsonDocument ParseInner(JsonElement log)
    {
        try
        {
            return JsonDocument.Parse(log.GetString()!);
        }
        catch (JsonException e)
        {
            throw new InvalidRecordException($"properties.log is not a JSON audit event ({e.Message})", e);
        }
    }
}
