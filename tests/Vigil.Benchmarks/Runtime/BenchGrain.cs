using Vigil.Runtime;

namespace Vigil.Benchmarks.Runtime;

/// <summary>A small grain: one counter, no state storage. Its own size is measured apart from the runtime's overhead.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> PingAsync(int value) => Task.FromResult(++_calls + value);
}
