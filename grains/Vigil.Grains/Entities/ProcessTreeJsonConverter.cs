using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Grains.Entities;

/// <summary>
/// Stores the pod's process tree as an array of positional arrays (pid, ppid, binary, args, uid, user, cwd, exec id,
/// start time, exited, order) instead of objects keyed by pid: the tree is most of what a pod writes with every
/// batch, and property names were half its bytes. Reads the older object form too, so stored pods load unchanged.
/// </summary>
public sealed class ProcessTreeJsonConverter : JsonConverter<Dictionary<uint, ProcessRecord>>
{
    public override Dictionary<uint, ProcessRecord> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize<Dictionary<uint, ProcessRecord>>(ref reader, options) ?? [];
        }
        Expect(reader.TokenType, JsonTokenType.StartArray);
        var tree = new Dictionary<uint, ProcessRecord>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType, JsonTokenType.StartArray);
            var pid = NextUInt(ref reader);
            var ppid = NextUInt(ref reader);
            var binary = NextString(ref reader);
            Next(ref reader);
            Expect(reader.TokenType, JsonTokenType.StartArray);
            var args = new List<string>();
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                args.Add(reader.GetString() ?? "");
            }
            var uid = NextUInt(ref reader);
            var user = NextString(ref reader);
            var cwd = NextString(ref reader);
            var execId = NextString(ref reader);
            Next(ref reader);
            var start = reader.GetInt64();
            Next(ref reader);
            var exited = reader.GetBoolean();
            Next(ref reader);
            var order = reader.GetInt64();
            Next(ref reader);
            Expect(reader.TokenType, JsonTokenType.EndArray);
            tree[pid] = new ProcessRecord(pid, ppid, binary, args, uid, user, cwd, execId, start, exited, order);
        }
        return tree;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<uint, ProcessRecord> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var process in value.Values)
        {
            writer.WriteStartArray();
            ProcessJsonFields.Write(writer, process.Pid, process.Ppid, process.Binary, process.Args, process.Uid, process.User, process.Cwd);
            writer.WriteStringValue(process.ExecId);
            writer.WriteNumberValue(process.StartTimeUnixNano);
            writer.WriteBooleanValue(process.Exited);
            writer.WriteNumberValue(process.Order);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The process tree ends early.");

    private static uint NextUInt(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.GetUInt32();
    }

    private static string NextString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.GetString() ?? "";
    }

    private static void Expect(JsonTokenType actual, JsonTokenType expected)
    {
        if (actual != expected)
        {
            throw new JsonException($"The process tree has {actual} where {expected} belongs.");
        }
    }
}
