using System.Text.Json;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Audit;

/// <summary>
/// The CloudWatch Logs shapes EKS audit events arrive in: a subscription-filter envelope (<c>logEvents[]</c>),
/// the Lambda wrapper around it (<c>awslogs.data</c>, base64 of gzip), and FilterLogEvents/GetLogEvents items
/// (<c>message</c> beside <c>logStreamName</c> or <c>eventId</c>). In each the message is one native Event as a string.
/// </summary>
internal static class CloudWatchLogs
{
    public static bool IsEnvelope(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("logEvents"u8, out _) && root.TryGetProperty("messageType"u8, out _);

    public static bool IsLambdaWrapper(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("awslogs"u8, out _);

    public static bool IsLogEventItem(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message"u8, out var message) && message.ValueKind == JsonValueKind.String
        && (root.TryGetProperty("logStreamName"u8, out _) || root.TryGetProperty("eventId"u8, out _) || root.TryGetProperty("ingestionTime"u8, out _));

    public static bool IsFilterLogEventsResponse(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events"u8, out var events) && events.ValueKind == JsonValueKind.Array;

    /// <summary>The cluster name from the log group <c>/aws/eks/NAME/cluster</c>.</summary>
    public static string ClusterFromLogGroup(string logGroup)
    {
        const string Prefix = "/aws/eks/";
        if (!logGroup.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "";
        }

        var end = logGroup.IndexOf('/', Prefix.Length);
        return end < 0 ? logGroup[Prefix.Length..] : logGroup[Prefix.Length..end];
    }

    /// <summary>Only kube-apiserver-audit-* streams hold audit events; the other EKS streams are klog text.</summary>
    public static bool IsAuditStream(string logStream) =>
        logStream.Length == 0 || logStream.StartsWith("kube-apiserver-audit", StringComparison.Ordinal);

    public static byte[] DecodeLambdaData(JsonElement wrapper, long maxInflatedBytes)
    {
        if (!JsonFields.TryObject(wrapper, "awslogs"u8, out var awslogs))
        {
            throw new InvalidRecordException("awslogs must be an object");
        }

        var data = JsonFields.String(awslogs, "data"u8);
        if (data.Length == 0)
        {
            throw new InvalidRecordException("awslogs.data is missing");
        }

        try
        {
            return Gzip.Decompress(Convert.FromBase64String(data), maxInflatedBytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidRecordException($"awslogs.data is not usable gzip: {e.Message}", e);
        }
    }
}
