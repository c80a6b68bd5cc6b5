using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Vigil.Grains.Alerts;

namespace Vigil.Silo.Api.Alerts;

/// <summary>The body of <c>PATCH /api/v1/alerts/{id}</c>: <c>{"status": "resolved" | "dismissed" | "active"}</c>, nothing else.</summary>
public static class AlertStatusRequest
{
    public const int MaxBytes = 4096;

    public static bool TryParse(ReadOnlySpan<byte> body, out AlertStatus status, [NotNullWhen(false)] out string? error)
    {
        status = default;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            error = $"The body is not JSON: {ex.Message}";
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = """The body must be an object: {"status": "resolved"}.""";
                return false;
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != "status")
                {
                    error = $"Unknown property '{property.Name}': only status can be changed.";
                    return false;
                }
            }
            if (!root.TryGetProperty("status", out var value) || value.ValueKind != JsonValueKind.String)
            {
                error = """The body needs a string status: {"status": "resolved" | "dismissed" | "active"}.""";
                return false;
            }
            if (!AlertQueryParser.TryEnum(value.GetString()!, out status))
            {
                error = $"status must be resolved, dismissed or active; got '{value.GetString()}'.";
                return false;
            }
        }
        error = null;
        return true;
    }
}
