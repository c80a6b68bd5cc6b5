namespace Vigil.Silo.Ingestion.Grpc;

public sealed class SensorIngestOptions
{
    /// <summary>
    /// Batches one stream has dispatched and not yet acknowledged; the stream stops reading at this many, so a fast
    /// sensor is held back by TCP flow control rather than by the silo's memory.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 16;

    /// <summary>
    /// Writes waiting in the runtime's commit queue past which a stream admits no new batch until one of its own
    /// completes (null: four group commits' worth). The database is the bottleneck then; reading faster only queues.
    /// </summary>
    public int? CommitQueueBound { get; set; }

    /// <summary>Sensor incarnations whose acknowledged sequence this silo remembers, to answer replays without dispatching them.</summary>
    public int RememberedIncarnations { get; set; } = 10_000;
}
