namespace Vigil.Runtime;

/// <summary>What the runtime gives one activation: identity, clock, other grains, timers and its stored state.</summary>
public interface IGrainContext
{
    GrainId Id { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider TimeProvider { get; }

    /// <summary>A timer whose ticks run as turns of this activation; disposing it or deactivating stops it.</summary>
    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    void DeactivateOnIdle();

    /// <summary>The stored state, or null when none was ever written.</summary>
    Task<StoredState?> ReadStateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes state (null payload clears it) if the stored version is still <paramref name="expectedVersion"/>;
    /// completes with the new version once the write is committed, or throws <see cref="InconsistentStateException"/>.
    /// </summary>
    Task<long> WriteStateAsync(byte[]? payload, long expectedVersion);
}
