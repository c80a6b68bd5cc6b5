using System.Text.RegularExpressions;

namespace Vigil.Grains.Tests;

/// <summary>Loads YAML through the real pipeline and fails the test with every diagnostic when it does not load.</summary>
public static class Engine
{
    public static RuleLoadResult<TestEvent> TryLoad(string yaml, string path = "rules.yaml", Func<string, Regex>? regexFactory = null) =>
        new RuleLoader<TestEvent>(TestCatalogue.Create(), regexFactory).Load([new RuleSourceFile(path, yaml)]);

    public static RuleSet<TestEvent> Load(string yaml, Func<string, Regex>? regexFactory = null)
    {
        var result = TryLoad(yaml, regexFactory: regexFactory);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.RuleSet!;
    }

    /// <summary>Compiles one condition (after optional lists and macros) and evaluates it against one event.</summary>
    public static bool Matches(string condition, TestEvent value, string preamble = "") =>
        Load(preamble + RuleText.Rule("r1", condition)).Find("r1")!.Matches(value);

    /// <summary>The errors a condition produces, by code.</summary>
    public static IReadOnlyList<RuleDiagnostic> Errors(string yaml) =>
        [.. TryLoad(yaml).Diagnostics.Where(d => d.IsError)];
}
