namespace Vigil.Grains.Rules;

/// <summary>Collects diagnostics across every stage so one load reports every problem, not just the first.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<RuleDiagnostic> _items = [];
    private readonly HashSet<(string Code, SourceLocation Location)> _seen = [];

    public IReadOnlyList<RuleDiagnostic> Items => _items;

    public bool HasErrors { get; private set; }

    public void Error(string code, SourceLocation location, string message) =>
        Add(new RuleDiagnostic(code, DiagnosticSeverity.Error, message, location));

    public void Warning(string code, SourceLocation location, string message) =>
        Add(new RuleDiagnostic(code, DiagnosticSeverity.Warning, message, location));

    private void Add(RuleDiagnostic diagnostic)
    {
        // A fault inside a shared list or macro would otherwise be reported once per rule that uses it.
        if (!_seen.Add((diagnostic.Code, diagnostic.Location)))
        {
            return;
        }
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }
}
