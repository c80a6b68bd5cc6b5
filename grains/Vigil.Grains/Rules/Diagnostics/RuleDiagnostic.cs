namespace Vigil.Grains.Rules;

/// <summary>One finding of the load pipeline, with a stable code that tools and tests can match on.</summary>
public sealed record RuleDiagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
