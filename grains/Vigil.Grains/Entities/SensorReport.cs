namespace Vigil.Grains.Entities;

/// <summary>
/// What a node's sensor says of itself, as the ingestion stream sees it: who it is, when it connected and last
/// sent, and how much it sent and lost (events the sensor dropped before sending, by its own count).
/// </summary>
public sealed record SensorReport(
    string SensorId,
    string Version,
    string Incarnation,
    DateTimeOffset ConnectedAt,
    DateTimeOffset LastBatchAt,
    long Batches,
    long Events,
    long DroppedBySensor);
