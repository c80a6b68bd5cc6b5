using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Silo.Api.Entities;

/// <summary>How entity responses are written: camelCase, enums by name (severity "High", not 3).</summary>
public static class EntityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
