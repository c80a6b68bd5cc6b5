namespace Vigil.Ingestion;

/// <summary>One record that produced no event: the 1-based line it starts on and why.</summary>
public readonly record struct ParseDiagnostic(int Line, DiagnosticKind Kind, string Reason)
{
    public override string ToString() => $"line {Line}: {Kind.ToString().ToLowerInvariant()}: {Reason}";
}
