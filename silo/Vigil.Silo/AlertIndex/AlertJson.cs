using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Silo.AlertIndex;

/// <summary>How alerts are written as JSON, in the index and by the API: camelCase names, enums by name.</summary>
public static class AlertJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
