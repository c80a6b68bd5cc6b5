namespace Vigil.Runtime.Tests.Grains;

public sealed class LedgerGrain : Grain<LedgerState>, ILedgerGrain
{
    public Task AppendAsync(int entry)
    {
        State.Entries.Add(entry);
        return WriteStateAsync();
    }

    public Task<int[]> EntriesAsync() => Task.FromResult(State.Entries.ToArray());
}
