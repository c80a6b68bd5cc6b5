using Vigil.Runtime;

namespace Vigil.Benchmarks.Runtime;

[GrainType("bench.echo")]
public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
