using Vigil.Runtime;

namespace Vigil.ClusterSilo;

[GrainType(LedgerGrain.TypeName)]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Appends the next sequence number and returns it once it is committed: an acknowledged write.</summary>
    Task<long> AppendAsync();

    /// <summary>The last committed sequence number.</summary>
    Task<long> ReadAsync();

    /// <summary>A call that touches no state: the cost of the call path alone.</summary>
    Task<long> PingAsync();
}
