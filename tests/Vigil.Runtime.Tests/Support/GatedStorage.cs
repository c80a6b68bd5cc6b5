using System.Collections.Concurrent;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Support;

/// <summary>
/// In-memory storage whose transactions holding <see cref="HeldGrain"/> do not commit until <see cref="Release"/>:
/// shows what the commit queue does while a transaction waits on the database. Records each batch's grains in the
/// order the transactions committed. Dispose it before the queue.
/// </summary>
internal sealed class GatedStorage(GrainId heldGrain) : IGrainStorage, IDisposable
{
    private readonly InMemoryGrainStorage _inner = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainId HeldGrain => heldGrain;

    public ConcurrentQueue<IReadOnlyList<GrainId>> Committed { get; } = new();

    /// <summary>Completes once a transaction holding the held grain has started and is being held.</summary>
    public Task Holding => _holding.Task;

    public void Release() => _gate.TrySetResult();

    /// <summary>Releases, so a test that failed early does not leave its queue's disposal waiting on the gate.</summary>
    public void Dispose() => Release();

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken) => _inner.ReadAsync(grain, cancellationToken);

    public async Task<BatchResult> WriteBatchAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken)
    {
        if (batch.Any(w => w.Grain == heldGrain) && !_gate.Task.IsCompleted)
        {
            _holding.TrySetResult();
            await _gate.Task.ConfigureAwait(false);
        }

        var result = await _inner.WriteBatchAsync(batch, fence, cancellationToken).ConfigureAwait(false);
        Committed.Enqueue([.. batch.Select(w => w.Grain)]);
        return result;
    }
}
