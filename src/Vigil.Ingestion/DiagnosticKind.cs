namespace Vigil.Ingestion;

/// <summary>Whether a record was left out on purpose (not an event of this kind) or could not be read.</summary>
public enum DiagnosticKind
{
    Skipped,
    Failed,
}
