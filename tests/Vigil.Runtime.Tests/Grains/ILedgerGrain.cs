namespace Vigil.Runtime.Tests.Grains;

/// <summary>Keeps every entry it was given: a write that was acknowledged must be found here later.</summary>
[GrainType("test.ledger")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Adds the entry and returns once it is committed.</summary>
    Task AppendAsync(int entry);

    Task<int[]> EntriesAsync();
}
