using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Audit;

/// <summary>
/// Reads any of the audit inputs Vigil accepts into <see cref="AuditEvent"/>s: native Event lines, webhook
/// EventLists, JSON arrays, AKS diagnostic records (bare or in <c>records[]</c>), EKS CloudWatch shapes (gzip
/// too) and GKE LogEntries, mixed line by line if need be. One record counts once; a container (EventList,
/// records[], logEvents[]) is not a record itself, its members are.
/// </summary>
public sealed class AuditLogParser
{
    private readonly AuditParserOptions _options;
    private readonly Action<AuditEvent> _sink;

    private AuditLogParser(AuditParserOptions options, Action<AuditEvent> sink)
    {
        _options = options;
        _sink = sink;
    }

    public static ParseReport Parse(ReadOnlySpan<byte> utf8, AuditParserOptions options, Action<AuditEvent> sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var report = new ParseReport();
        var parser = new AuditLogParser(options, sink);
        if (Gzip.IsGzip(utf8))
        {
            byte[] plain;
            try
            {
                plain = Gzip.Decompress(utf8.ToArray(), options.MaxInflatedBytes);
            }
            catch (InvalidDataException e)
            {
                report.AddFailed(1, $"input is not valid gzip: {e.Message}");
                return report;
            }

            if (plain.Length == 0)
            {
                report.AddFailed(1, "gzip input decompressed to nothing (truncated?)");
                return report;
            }

            JsonRecordReader.Read(plain, report, parser.Top);
            return report;
        }

        JsonRecordReader.Read(utf8, report, parser.Top);
        return report;
    }

    public static ParseReport Parse(ReadOnlySpan<byte> utf8, Action<AuditEvent> sink) => Parse(utf8, new AuditParserOptions(), sink);

    private void Top(JsonElement root, int line, ParseReport report)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            JsonRecordReader.GuardedEach(root, line, report, "array", Top);
            return;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRecordException($"expected a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        var isEventList = root.TryGetProperty("kind"u8, out var kind) && kind.ValueKind == JsonValueKind.String && kind.ValueEquals("EventList"u8);
        if (isEventList || (root.TryGetProperty("items"u8, out _) && !root.TryGetProperty("auditID"u8, out _)))
        {
            Require(AuditFormat.Native, "an EventList");
            if (!JsonFields.TryArray(root, "items"u8, out var items))
            {
                throw new InvalidRecordException("EventList has no items array");
            }

            JsonRecordReader.GuardedEach(items, line, report, "items", (item, l, r) =>
            {
                if (!NativeAuditEventMapper.LooksLikeEvent(item))
                {
                    throw new InvalidRecordException("not an audit Event");
                }

                Native(item, l, r, _options.Cluster);
            });
        }
        else if (root.TryGetProperty("records"u8, out var records) && records.ValueKind == JsonValueKind.Array)
        {
            Require(AuditFormat.Aks, "an Event Hub records[] body");
            JsonRecordReader.GuardedEach(records, line, report, "records", Aks);
        }
        else if (AksRecordMapper.LooksLikeRecord(root))
        {
            Require(AuditFormat.Aks, "an Azure diagnostic record");
            Aks(root, line, report);
        }
        else if (GkeLogEntryMapper.LooksLikeEntry(root))
        {
            Require(AuditFormat.Gke, "a Cloud Logging entry");
            Gke(root, line, report);
        }
        else if (CloudWatchLogs.IsEnvelope(root))
        {
            Require(AuditFormat.Eks, "a CloudWatch subscription envelope");
            Envelope(root, line, report);
        }
        else if (CloudWatchLogs.IsLambdaWrapper(root))
        {
            Require(AuditFormat.Eks, "a CloudWatch Lambda payload");
            using var envelope = JsonDocument.Parse(CloudWatchLogs.DecodeLambdaData(root, _options.MaxInflatedBytes));
            Envelope(envelope.RootElement, line, report);
        }
        else if (CloudWatchLogs.IsFilterLogEventsResponse(root))
        {
            Require(AuditFormat.Eks, "a FilterLogEvents response");
            JsonRecordReader.GuardedEach(root.GetProperty("events"u8), line, report, "events", LogEventItem);
        }
        else if (CloudWatchLogs.IsLogEventItem(root))
        {
            Require(AuditFormat.Eks, "a CloudWatch log event");
            LogEventItem(root, line, report);
        }
        else if (NativeAuditEventMapper.LooksLikeEvent(root))
        {
            Require(_options.Format == AuditFormat.Eks ? AuditFormat.Eks : AuditFormat.Native, "an audit Event");
            Native(root, line, report, _options.Cluster);
        }
        else
        {
            report.AddFailed(line, "not an audit record: no shape of audit Event, EventList, AKS record, CloudWatch event or GKE LogEntry matches");
        }
    }

    private void Native(JsonElement item, int line, ParseReport report, string cluster)
    {
        _sink(NativeAuditEventMapper.Map(item, cluster));
        report.AddParsed();
    }

    private void Aks(JsonElement record, int line, ParseReport report)
    {
        var audit = AksRecordMapper.Map(record, _options.Cluster, out var skipReason);
        Emit(audit, line, report, skipReason);
    }

    private void Gke(JsonElement entry, int line, ParseReport report)
    {
        var audit = GkeLogEntryMapper.Map(entry, _options.Cluster, out var skipReason);
        Emit(audit, line, report, skipReason);
    }

    private void Envelope(JsonElement envelope, int line, ParseReport report)
    {
        if (JsonFields.String(envelope, "messageType"u8) == "CONTROL_MESSAGE")
        {
            report.AddSkipped(line, "CloudWatch CONTROL_MESSAGE (a reachability check, no events)");
            return;
        }

        var cluster = _options.Cluster.Length > 0 ? _options.Cluster : CloudWatchLogs.ClusterFromLogGroup(JsonFields.String(envelope, "logGroup"u8));
        var stream = JsonFields.String(envelope, "logStream"u8);
        if (!JsonFields.TryArray(envelope, "logEvents"u8, out var events))
        {
            throw new InvalidRecordException("logEvents must be an array");
        }

        if (!CloudWatchLogs.IsAuditStream(stream))
        {
            JsonRecordReader.GuardedEach(events, line, report, "logEvents", (_, l, r) => r.AddSkipped(l, $"log stream '{stream}' is not a kube-apiserver-audit stream"));
            return;
        }

        JsonRecordReader.GuardedEach(events, line, report, "logEvents", (e, l, r) => Message(e, l, r, cluster));
    }

    private void LogEventItem(JsonElement item, int line, ParseReport report)
    {
        var stream = JsonFields.String(item, "logStreamName"u8);
        if (!CloudWatchLogs.IsAuditStream(stream))
        {
            report.AddSkipped(line, $"log stream '{stream}' is not a kube-apiserver-audit stream");
            return;
        }

        Message(item, line, report, _options.Cluster);
    }

    private void Message(JsonElement logEvent, int line, ParseReport report, string cluster)
    {
        var message = JsonFields.String(logEvent, "message"u8);
        JsonDocument inner;
        try
        {
            inner = JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            throw new InvalidRecordException($"message is not a JSON audit event (CloudWatch may have truncated it): {e.Message}", e);
        }

        using (inner)
        {
            Native(inner.RootElement, line, report, cluster);
        }
    }

    private void Emit(AuditEvent? audit, int line, ParseReport report, string skipReason)
    {
        if (audit is null)
        {
            report.AddSkipped(line, skipReason);
            return;
        }

        _sink(audit);
        report.AddParsed();
    }

    private void Require(AuditFormat shape, string what)
    {
        if (_options.Format != AuditFormat.Auto && _options.Format != shape)
        {
            throw new InvalidRecordException($"format {_options.Format} was requested but the record is {what}");
        }
    }

}
