namespace Vigil.Ingestion;

/// <summary>
/// What one parse did. Every record the input held is counted exactly once, as parsed, skipped or failed, so
/// <c>Parsed + Skipped + Failed == Records</c> and a caller can prove nothing was dropped silently.
/// </summary>
public sealed class ParseReport
{
    // Bounded so a file of garbage cannot turn its diagnostics into the memory problem; the counts stay exact.
    public const int MaxDiagnostics = 1000;

    private readonly List<ParseDiagnostic> _diagnostics = [];

    public int Parsed { get; private set; }

    public int Skipped { get; private set; }

    public int Failed { get; private set; }

    public int Records => Parsed + Skipped + Failed;

    public IReadOnlyList<ParseDiagnostic> Diagnostics => _diagnostics;

    public IEnumerable<ParseDiagnostic> Errors => _diagnostics.Where(d => d.Kind == DiagnosticKind.Failed);

    internal void AddParsed() => Parsed++;

    internal void AddSkipped(int line, string reason)
    {
        Skipped++;
        Add(new ParseDiagnostic(line, DiagnosticKind.Skipped, reason));
    }

    internal void AddFailed(int line, string reason)
    {
        Failed++;
        Add(new ParseDiagnostic(line, DiagnosticKind.Failed, reason));
    }

    public override string ToString() => $"{Parsed} parsed, {Skipped} skipped, {Failed} failed";

    private void Add(ParseDiagnostic diagnostic)
    {
        if (_diagnostics.Count < MaxDiagnostics)
        {
            _diagnostics.Add(diagnostic);
        }
    }
}
