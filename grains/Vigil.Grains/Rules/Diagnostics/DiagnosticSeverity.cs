namespace Vigil.Grains.Rules;

/// <summary>Errors block a reload; warnings are reported and the set still loads.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
