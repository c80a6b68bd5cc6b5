using System.Text.Json;
using Vigil.Ingestion.Audit;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// Which cloud's shape an auto-detected body is in, from its first record: the parser recognises every record by
/// itself but does not say which shape it saw, and the cluster grain wants to know its provider. A file mixing
/// shapes is named after its first record.
/// </summary>
public static class AuditShapeSniffer
{
    private static readonly JsonReaderOptions Reader = new() { AllowMultipleValues = true, MaxDepth = 256 };

    public static AuditFormat Sniff(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, Reader);
            if (!reader.Read())
            {
                return AuditFormat.Auto;
            }
            using var document = JsonDocument.ParseValue(ref reader);
            var first = document.RootElement;
            if (first.ValueKind == JsonValueKind.Array)
            {
                first = first.GetArrayLength() > 0 ? first[0] : default;
            }
            return Shape(first);
        }
        catch (JsonException)
        {
            // The parser reports the syntax error with its line; the provider is only a hint.
            return AuditFormat.Auto;
        }
    }

    private static AuditFormat Shape(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return AuditFormat.Auto;
        }
        if (record.TryGetProperty("records"u8, out _)
            || (record.TryGetProperty("category"u8, out _) && (record.TryGetProperty("properties"u8, out _) || record.TryGetProperty("operationName"u8, out _))))
        {
            return AuditFormat.Aks;
        }
        if (record.TryGetProperty("protoPayload"u8, out _))
        {
            return AuditFormat.Gke;
        }
        if (record.TryGetProperty("logEvents"u8, out _) || record.TryGetProperty("awslogs"u8, out _)
            || record.TryGetProperty("logStreamName"u8, out _) || record.TryGetProperty("events"u8, out _))
        {
            return AuditFormat.Eks;
        }
        return AuditFormat.Native;
    }
}
