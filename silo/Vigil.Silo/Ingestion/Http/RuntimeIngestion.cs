using Microsoft.Extensions.Options;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Ingestion;
using Vigil.Ingestion.Runtime;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// <c>POST /api/v1/clusters/{cluster}/events/tetragon</c> and <c>…/falco</c>: the whole body parsed first, dispatched
/// to the pod grains only when no record failed, answered once every pod has committed.
/// </summary>
public sealed class RuntimeIngestion(RuntimeDispatcher dispatcher, EventRateMeter meter, IOptions<IngestionOptions> options)
{
    public Task<IngestionResult> TetragonAsync(HttpContext http, string cluster, bool dryRun, CancellationToken cancellationToken) =>
        IngestAsync(http, cluster, "tetragon", "Tetragon events", dryRun, TetragonParser.Parse, cancellationToken);

    public Task<IngestionResult> FalcoAsync(HttpContext http, string cluster, bool dryRun, CancellationToken cancellationToken) =>
        IngestAsync(http, cluster, "falco", "Falco events", dryRun, FalcoParser.Parse, cancellationToken);

    private delegate ParseReport Parser(ReadOnlySpan<byte> utf8, string cluster, Action<RuntimeEvent> sink);

    private async Task<IngestionResult> IngestAsync(
        HttpContext http, string cluster, string format, string what, bool dryRun, Parser parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await RequestBody.ReadAsync(http, options.Value, cancellationToken);
        RequestBody.ThrowIfBlank(body);

        var events = new List<RuntimeEvent>();
        var report = parse(body, cluster, events.Add);
        ParseRejection.ThrowIfFailed(report, what);

        var hostEvents = events.Count(e => EntityKeys.Pod(e.Context) is null);
        if (!dryRun && events.Count > 0)
        {
            await dispatcher.DispatchAsync(cluster, events);
            meter.Add(events.Count);
        }
        return new IngestionResult(
            cluster, format, report.Records, events.Count, 0, report.Skipped, ParseRejection.Skipped(report), hostEvents, dryRun);
    }
}
