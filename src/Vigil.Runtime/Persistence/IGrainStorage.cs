namespace Vigil.Runtime.Persistence;

/// <summary>Where grain state lives. Writes come only in batches, one transaction each, from the commit queue.</summary>
public interface IGrainStorage
{
    /// <summary>Creates or migrates the schema; safe to call from several silos at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the batch in one transaction and returns, per write, its new version, or null when the stored version
    /// was not the expected one (that write alone is skipped). Returns only after COMMIT has returned. With a
    /// fence, the same transaction first checks every touched shard's lease; if any is lost, nothing is written.
    /// </summary>
    Task<BatchResult> WriteBatchAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken);
}
