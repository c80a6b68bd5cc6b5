namespace Vigil.Contracts.Tests;

/// <summary>
/// The compatibility rules of src/Vigil.Contracts/README.md, enforced: a field or enum value, once recorded in
/// wire-contract.txt, keeps its number, name, label and type; and a new one must be recorded, so that every change
/// to the contract shows up in review as a change to that file.
/// </summary>
public sealed class WireContractTests
{
    private static readonly string SnapshotPath = Path.Combine(AppContext.BaseDirectory, "wire-contract.txt");

    private static IReadOnlyList<string> Recorded() =>
        [.. File.ReadAllLines(SnapshotPath).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Fact]
    public void No_recorded_field_changed_or_went_away()
    {
        var current = WireContract.Describe().ToHashSet(StringComparer.Ordinal);
        var broken = Recorded().Where(l => !current.Contains(l)).ToList();
        Assert.True(broken.Count == 0,
            "These recorded fields changed or were removed, which breaks senders and silos of other versions "
            + "(mark removed fields reserved, add new fields instead of changing old ones):\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_field_is_recorded()
    {
        var recorded = Recorded().ToHashSet(StringComparer.Ordinal);
        var added = WireContract.Describe().Where(l => !recorded.Contains(l)).ToList();
        Assert.True(added.Count == 0,
            "New fields: add these lines to tests/Vigil.Contracts.Tests/wire-contract.txt:\n" + string.Join('\n', added));
    }

    [Fact]
    public void Field_numbers_are_unique_within_each_message()
    {
        var duplicates = WireContract.Describe()
            .Where(l => l.Contains(" = ", StringComparison.Ordinal))
            .Select(l => (Owner: l[..l[..l.IndexOf(' ', StringComparison.Ordinal)].LastIndexOf('.')], Number: l.Split(' ')[2]))
            .GroupBy(x => x)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.ToString())
            .ToList();
        Assert.Empty(duplicates);
    }
}
