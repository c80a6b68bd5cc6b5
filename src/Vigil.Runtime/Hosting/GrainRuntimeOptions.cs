namespace Vigil.Runtime.Hosting;

public sealed class GrainRuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>A call that has not completed after this long fails with <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation with no call for this long is deactivated (its dirty state written first).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A deactivation hook running longer than this is logged; the grain still waits for it, so no second activation ever runs beside it.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Group commit: at most this many writes in one transaction.</summary>
    public int CommitBatchSize { get; set; } = 1000;

    /// <summary>
    /// Group commit: transactions in flight at once. While one waits on the database's disk the next gathers and
    /// starts, so a write that just missed a transaction does not wait for all of it (a grain's next write still
    /// waits for its last one). 1 commits strictly one batch after another.
    /// </summary>
    public int CommitConcurrency { get; set; } = 2;

    /// <summary>
    /// Group commit: how long the first write of a batch waits for company before the flush starts. Short, since
    /// with a second transaction in flight, writes that arrive meanwhile gather anyway.
    /// </summary>
    public TimeSpan CommitDelay { get; set; } = TimeSpan.FromMilliseconds(0.5);
}
