namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// What a 200 says: every record counted once, <c>Accepted + Duplicates + Skipped == Records</c>. Accepted events were
/// committed by their grains before this was sent. <see cref="HostEvents"/> counts accepted runtime events of host
/// processes (no pod uid), which go to their node's grain rather than a pod's.
/// </summary>
public sealed record IngestionResult(
    string Cluster,
    string Format,
    int Records,
    int Accepted,
    int Duplicates,
    int Skipped,
    IReadOnlyList<SkippedRecord> SkippedRecords,
    int? HostEvents = null,
    bool DryRun = false);
