namespace Vigil.Cli;

/// <summary>What the server counted over a file's chunks (or over every file).</summary>
public sealed class AuditImportTotals
{
    public int Records { get; set; }

    public int Accepted { get; set; }

    public int Duplicates { get; set; }

    public int Skipped { get; set; }

    public List<string> SkipReasons { get; } = [];

    public void Add(AuditImportTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Records += other.Records;
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Skipped += other.Skipped;
    }

    public override string ToString() => $"{Records} records: {Accepted} accepted, {Duplicates} duplicates, {Skipped} skipped";
}
