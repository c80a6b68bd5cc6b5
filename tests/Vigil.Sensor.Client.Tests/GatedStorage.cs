using System.Reflection;
using Vigil.Grains.Security;
using Vigil.Runtime;
using Vigil.Runtime.Persistence;

namespace Vigil.Sensor.Client.Tests;

/// <summary>
/// In-memory storage whose commits can be held: a test sees a write arrive and decides when it commits. It counts
/// what ingestion writes, leaving out the token registry, which the host writes at start and tests when they make tokens.
/// </summary>
public sealed class GatedStorage : IGrainStorage
{
    private static readonly string TokenRegistryType = typeof(ITokenRegistryGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name;

    private readonly Lock _gate = new();
    private TaskCompletionSource _release = Released();
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _writes;

    public InMemoryGrainStorage Inner { get; } = new();

    /// <summary>State writes committed so far, the token registry's aside.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Completes when a commit has reached the closed gate.</summary>
    public Task WriteReached
    {
        get
        {
            lock (_gate)
            {
                return _reached.Task;
            }
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        lock (_gate)
        {
            _release.TrySetResult();
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Inner.InitializeAsync(cancellationToken);

    public Task<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken) => Inner.ReadAsync(grain, cancellationToken);

    public async Task<BatchResult> WriteBatchAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken)
    {
        Task release;
        lock (_gate)
        {
            _reached.TrySetResult();
            release = _release.Task;
        }

        await release.ConfigureAwait(false);
        var result = await Inner.WriteBatchAsync(batch, fence, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _writes, batch.Count(w => w.Grain.Type != TokenRegistryType));
        return result;
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}
