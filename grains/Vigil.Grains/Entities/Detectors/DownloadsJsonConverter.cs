using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Stores a container's pending downloads with each process (actor or ancestor) written once: a busy server that
/// connected out writes many files, and each candidate's evidence repeated the same process and ancestry, which was
/// most of what the pod wrote with every batch. The form is <c>[[process…], [[path, time, evidence, chmod?]…]]</c>,
/// a process <c>[pid, ppid, binary, [args], uid, user, cwd]</c> and evidence <c>[type, time, process index,
/// [ancestor indices], detail, errno, output]</c>. The records read back equal; evidence with an audit request (never
/// a download's) and the older object form are written and read as objects.
/// </summary>
public sealed class DownloadsJsonConverter : JsonConverter<Dictionary<string, DownloadRecord>>
{
    public override Dictionary<string, DownloadRecord> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var downloads = new Dictionary<string, DownloadRecord>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            foreach (var (path, record) in JsonSerializer.Deserialize<Dictionary<string, DownloadRecord>>(ref reader, options) ?? [])
            {
                downloads[path] = record;
            }
            return downloads;
        }
        Expect(reader.TokenType, JsonTokenType.StartArray);
        Next(ref reader);
        var processes = JsonSerializer.Deserialize<List<JsonElement>>(ref reader, options) ?? [];
        var table = processes.Select(ReadProcess).ToList();
        Next(ref reader);
        Expect(reader.TokenType, JsonTokenType.StartArray);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var record = JsonElement.ParseValue(ref reader);
            var path = record[0].GetString() ?? "";
            var chmod = record[3];
            downloads[path] = new DownloadRecord(
                path, record[1].GetDateTimeOffset(), ReadEvidence(record[2], table, options),
                chmod.ValueKind == JsonValueKind.Null ? null : ReadEvidence(chmod, table, options));
        }
        Next(ref reader);
        Expect(reader.TokenType, JsonTokenType.EndArray);
        return downloads;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, DownloadRecord> value, JsonSerializerOptions options)
    {
        var table = new List<EvidenceProcess>();
        var index = new Dictionary<EvidenceProcess, int>(EvidenceProcessComparer.Instance);
        foreach (var record in value.Values)
        {
            Intern(record.Download, table, index);
            if (record.Chmod is { } chmod)
            {
                Intern(chmod, table, index);
            }
        }
        writer.WriteStartArray();
        writer.WriteStartArray();
        foreach (var process in table)
        {
            WriteProcess(writer, process);
        }
        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (var record in value.Values)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(record.Path);
            writer.WriteStringValue(record.Time);
            WriteEvidence(writer, record.Download, index, options);
            if (record.Chmod is { } chmod)
            {
                WriteEvidence(writer, chmod, index, options);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndArray();
    }

    private static void Intern(AlertEvidence evidence, List<EvidenceProcess> table, Dictionary<EvidenceProcess, int> index)
    {
        Intern(evidence.Process, table, index);
        foreach (var ancestor in evidence.Ancestors)
        {
            Intern(ancestor, table, index);
        }
    }

    private static void Intern(EvidenceProcess process, List<EvidenceProcess> table, Dictionary<EvidenceProcess, int> index)
    {
        if (index.TryAdd(process, table.Count))
        {
            table.Add(process);
        }
    }

    private static void WriteProcess(Utf8JsonWriter writer, EvidenceProcess process)
    {
        writer.WriteStartArray();
        ProcessJsonFields.Write(writer, process.Pid, process.Ppid, process.Binary, process.Args, process.Uid, process.User, process.Cwd);
        writer.WriteEndArray();
    }

    private static EvidenceProcess ReadProcess(JsonElement process) => new(
        process[0].GetUInt32(), process[1].GetUInt32(), process[2].GetString() ?? "",
        [.. process[3].EnumerateArray().Select(a => a.GetString() ?? "")], process[4].GetUInt32(),
        process[5].GetString() ?? "", process[6].GetString() ?? "");

    private static void WriteEvidence(Utf8JsonWriter writer, AlertEvidence evidence, Dictionary<EvidenceProcess, int> index, JsonSerializerOptions options)
    {
        if (evidence.Audit is not null)
        {
            JsonSerializer.Serialize(writer, evidence, options);
            return;
        }
        writer.WriteStartArray();
        writer.WriteStringValue(evidence.EventType);
        writer.WriteStringValue(evidence.Time);
        writer.WriteNumberValue(index[evidence.Process]);
        writer.WriteStartArray();
        foreach (var ancestor in evidence.Ancestors)
        {
            writer.WriteNumberValue(index[ancestor]);
        }
        writer.WriteEndArray();
        writer.WriteStringValue(evidence.Detail);
        writer.WriteNumberValue(evidence.Errno);
        writer.WriteStringValue(evidence.Output);
        writer.WriteEndArray();
    }

    private static AlertEvidence ReadEvidence(JsonElement evidence, List<EvidenceProcess> table, JsonSerializerOptions options) =>
        evidence.ValueKind == JsonValueKind.Object
            ? evidence.Deserialize<AlertEvidence>(options) ?? throw new JsonException("A download's evidence is null.")
            : new AlertEvidence(
                evidence[0].GetString() ?? "", evidence[1].GetDateTimeOffset(), table[evidence[2].GetInt32()],
                [.. evidence[3].EnumerateArray().Select(i => table[i.GetInt32()])], evidence[4].GetString() ?? "",
                evidence[5].GetInt32(), evidence[6].GetString() ?? "");

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The downloads end early.");

    private static void Expect(JsonTokenType actual, JsonTokenType expected)
    {
        if (actual != expected)
        {
            throw new JsonException($"The downloads have {actual} where {expected} belongs.");
        }
    }
}
