namespace Vigil.Runtime.Persistence;

/// <summary>State in a dictionary, with the same version rules as the databases: for tests.</summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly Lock _gate = new();
    private readonly Dictionary<GrainId, StoredState> _states = [];

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault(grain));
        }
    }

    public Task<BatchResult> WriteBatchAsync(IReadOnlyList<StateWrite> batch, IShardFence? fence, CancellationToken cancellationToken)
    {
        NoFence(fence);
        var versions = new long?[batch.Count];
        lock (_gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var write = batch[i];
                var stored = _states.GetValueOrDefault(write.Grain)?.Version ?? 0;
                if (stored == write.ExpectedVersion)
                {
                    _states[write.Grain] = new StoredState(write.Payload?.ToArray(), stored + 1);
                    versions[i] = stored + 1;
                }
            }
        }

        return Task.FromResult(BatchResult.Written(versions));
    }

    internal static void NoFence(IShardFence? fence)
    {
        if (fence is not null)
        {
            throw new NotSupportedException("Only PostgreSQL storage can fence writes: a cluster of silos needs a shared database.");
        }
    }
}
