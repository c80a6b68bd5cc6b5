using Microsoft.Extensions.Options;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Ingestion.Audit;
using Vigil.Runtime;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// <c>POST /api/v1/clusters/{cluster}/audit</c>: reads the whole body, parses every record, and dispatches only when
/// none failed; answers once every identity grain has committed its share.
/// </summary>
public sealed class AuditIngestion(AuditDispatcher dispatcher, IGrainFactory grains, EventRateMeter meter, IOptions<IngestionOptions> options)
{
    public async Task<IngestionResult> IngestAsync(HttpContext http, string cluster, string? format, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requested = AuditFormats.Parse(format);
        var body = await RequestBody.ReadAsync(http, options.Value, cancellationToken);
        RequestBody.ThrowIfBlank(body);

        var events = new List<AuditEvent>();
        var report = AuditLogParser.Parse(body, new AuditParserOptions(cluster, requested), events.Add);
        ParseRejection.ThrowIfFailed(report, "audit records");
        var unique = Distinct(events);
        var shape = requested == AuditFormat.Auto ? AuditShapeSniffer.Sniff(body) : requested;

        if (!dryRun && unique.Count > 0)
        {
            await dispatcher.DispatchAsync(cluster, unique);
            meter.Add(unique.Count);
            if (AuditFormats.Provider(shape) is { } provider)
            {
                await grains.GetGrain<IClusterGrain>(EntityKeys.Cluster(cluster)).NoteProviderAsync(provider);
            }
        }
        return new IngestionResult(
            cluster, AuditFormats.Name(shape), report.Records, unique.Count, events.Count - unique.Count, report.Skipped,
            ParseRejection.Skipped(report), DryRun: dryRun);
    }

    /// <summary>
    /// Drops repeats of (audit id, stage) within the request, first one kept. The identity grains drop those they
    /// saw in earlier requests; a record without an audit id (hand-written samples) cannot be told apart, so stays.
    /// </summary>
    private static List<AuditEvent> Distinct(List<AuditEvent> events)
    {
        var seen = new HashSet<(string, string)>();
        return [.. events.Where(e => e.AuditId.Length == 0 || seen.Add((e.AuditId, e.Stage)))];
    }
}
