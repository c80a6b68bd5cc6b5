using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>Tolerant reads: a logged object of the wrong shape yields nothing rather than an exception.</summary>
internal static class Json
{
    public static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    public static JsonElement Path(JsonElement root, params string[] names)
    {
        var current = root;
        foreach (var name in names)
        {
            current = Child(current, name);
        }
        return current;
    }

    public static string? String(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    public static bool? Boolean(JsonElement parent, string name) => Child(parent, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static IEnumerable<JsonElement> Items(JsonElement parent, string name)
    {
        var array = Child(parent, name);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
    }

    public static void AddStrings(JsonElement parent, string name, ICollection<string> into)
    {
        foreach (var item in Items(parent, name))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                into.Add(text);
            }
        }
    }

    /// <summary>A port written as a number, or as a string (a named targetPort); absent otherwise.</summary>
    public static string? Scalar(JsonElement parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        _ => null,
    };
}
