namespace Vigil.Runtime.Tests.Grains;

public sealed class CounterGrain(ConcurrencyProbe probe) : Grain, ICounterGrain
{
    private int _count;

    public async Task<int> WorkAsync()
    {
        probe.Enter();
        await Task.Yield();
        _count++;
        probe.Leave();
        return _count;
    }

    public Task<int> GetCountAsync() => Task.FromResult(_count);

    public ValueTask<string> WhoAmIAsync() => ValueTask.FromResult(GrainId.ToString());
}
