using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace Vigil.Ingestion.Json;

/// <summary>
/// Typed reads of optional fields. Absent and null read as empty (proto3 has no absence either); a field of
/// the wrong type fails the record with its name, because silently reading it as empty would hide bad input.
/// </summary>
internal static class JsonFields
{
    public static string String(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => "",
            _ => throw WrongType(name, "a string", value),
        };
    }

    public static bool TryObject(JsonElement obj, ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Object ? true : throw WrongType(name, "an object", value);
    }

    public static bool TryArray(JsonElement obj, ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Array ? true : throw WrongType(name, "an array", value);
    }

    /// <summary>A whole number, also when a producer wrote it as a string ("123"), as Tetragon does for 64-bit values.</summary>
    public static long Int64(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return Int64Value(value, name);
    }

    public static long Int64Value(JsonElement value, ReadOnlySpan<byte> name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var n):
                return n;
            case JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s):
                return s;
            case JsonValueKind.Null:
                return 0;
            default:
                throw WrongType(name, "an integer", value);
        }
    }

    public static uint UInt32(JsonElement obj, ReadOnlySpan<byte> name)
    {
        var n = Int64(obj, name);
        return n is >= 0 and <= uint.MaxValue ? (uint)n : throw new InvalidRecordException($"field '{Encoding.UTF8.GetString(name)}': {n} is out of range");
    }

    public static void AddStrings(JsonElement obj, ReadOnlySpan<byte> name, ICollection<string> into)
    {
        if (!TryArray(obj, name, out var array))
        {
            return;
        }

        foreach (var item in array.EnumerateArray())
        {
            into.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw WrongType(name, "an array of strings", item));
        }
    }

    /// <summary>The value's JSON exactly as it arrived, copied once into the message; empty when absent or null.</summary>
    public static ByteString Raw(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ByteString.Empty;
        }

        return ByteString.CopyFrom(JsonMarshal.GetRawUtf8Value(value));
    }

    /// <summary>An RFC 3339 timestamp as nanoseconds since the epoch; 0 when absent.</summary>
    public static long Time(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(name, "a timestamp string", value);
        }

        return Rfc3339.TryParse(JsonMarshal.GetRawUtf8Value(value)[1..^1], out var nanos)
            ? nanos
            : throw new InvalidRecordException($"field '{Encoding.UTF8.GetString(name)}': '{value.GetString()}' is not an RFC 3339 timestamp");
    }

    public static InvalidRecordException WrongType(ReadOnlySpan<byte> name, string expected, JsonElement actual) =>
        new($"field '{Encoding.UTF8.GetString(name)}' must be {expected}, not {actual.ValueKind.ToString().ToLowerInvariant()}");
}
