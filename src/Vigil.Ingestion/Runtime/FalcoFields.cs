using System.Text.Json;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Runtime;

/// <summary>
/// Reads Falco's <c>output_fields</c>. Falco prints a field as a string or a number depending on the field
/// and version (and <c>&lt;NA&gt;</c> or null when it has no value), so every read accepts both and treats
/// <c>&lt;NA&gt;</c> as empty.
/// </summary>
internal readonly struct FalcoFields(JsonElement fields)
{
    public string String(string name)
    {
        if (!fields.TryGetProperty(name, out var value))
        {
            return "";
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => "",
            _ => throw new InvalidRecordException($"output field '{name}' must be a string or number, not {value.ValueKind.ToString().ToLowerInvariant()}"),
        };
        return text == "<NA>" ? "" : text;
    }

    public long Int64(string name)
    {
        var text = String(name);
        if (text.Length == 0)
        {
            return 0;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InvalidRecordException($"output field '{name}': '{text}' is not an integer");
    }

    public uint UInt32(string name)
    {
        var n = Int64(name);
        return n is >= 0 and <= uint.MaxValue ? (uint)n : 0;
    }

    /// <summary>evt.time is integer nanoseconds in JSON output; some pipelines render it as RFC 3339 text.</summary>
    public long Time(string name)
    {
        var text = String(name);
        if (text.Length == 0)
        {
            return 0;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var nanos))
        {
            return nanos;
        }

        return Rfc3339.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out nanos) ? nanos : 0;
    }
}
