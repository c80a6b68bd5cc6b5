namespace Vigil.Silo.AlertIndex;

/// <summary>How the index is fed. Configuration section <c>AlertIndex</c>.</summary>
public sealed class AlertIndexOptions
{
    public const string Section = "AlertIndex";

    /// <summary>Alerts written per transaction at most; a burst is written in as few transactions as this allows.</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>
    /// The writer's feed queue. Far larger than a live stream's: a write stalled on the database must not cost
    /// updates until this many have piled up.
    /// </summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>The first wait before retrying a failed write; it doubles up to 30 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
