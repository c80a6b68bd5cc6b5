namespace Vigil.Runtime.Tests.Grains;

public sealed class LedgerState
{
    public List<int> Entries { get; set; } = [];
}
