using Vigil.Grains.Rules;

namespace Vigil.Cli;

/// <summary>The compiler-style line (<c>file:line:column: error VRnnn: message</c>) that editors and CI annotate.</summary>
public static class DiagnosticText
{
    public static string Format(RuleDiagnostic diagnostic, CommandPaths paths)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(paths);
        var location = diagnostic.Location with { File = paths.Display(diagnostic.Location.File) };
        return $"{location}: {Severity(diagnostic)} {diagnostic.Code}: {diagnostic.Message}";
    }

    public static string Severity(RuleDiagnostic diagnostic) => diagnostic.IsError ? "error" : "warning";

    /// <summary>Always plural, so scripts can match the line with one pattern.</summary>
    public static string Summary(RuleSetCounts counts, int errors, int warnings) =>
        $"{counts.Rules} rules, {counts.Lists} lists, {counts.Macros} macros: {errors} errors, {warnings} warnings";
}
