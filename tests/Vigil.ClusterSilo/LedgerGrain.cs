using Vigil.Runtime;
using Vigil.Runtime.Clustering;

namespace Vigil.ClusterSilo;

/// <summary>A counter whose every step is a durable write: a sequence acknowledged once must be read back, never less.</summary>
public sealed class LedgerGrain(ClusterOptions cluster) : Grain<LedgerState>, ILedgerGrain
{
    public const string TypeName = "cluster.ledger";

    public async Task<long> AppendAsync()
    {
        State.Sequence++;
        State.LastWriter = cluster.SiloId;
        await WriteStateAsync();
        return State.Sequence;
    }

    public Task<long> ReadAsync() => Task.FromResult(State.Sequence);

    public Task<long> PingAsync() => Task.FromResult(0L);
}
