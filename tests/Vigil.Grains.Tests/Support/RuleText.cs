namespace Vigil.Grains.Tests;

/// <summary>Builds rule-file YAML for tests, so each test shows only the part it is about.</summary>
public static class RuleText
{
    public static string Rule(
        string id, string condition, string source = "runtime", string output = "matched %proc.name", bool enabled = true) => $"""
        - rule:
            id: {id}
            title: Title of {id}
            description: Test rule {id}.
            severity: High
            tactic: TA0002
            technique: T1059.004
            source: {source}
            condition: {Quote(condition)}
            output: {Quote(output)}
            enabled: {(enabled ? "true" : "false")}

        """;

    public static string List(string name, params string[] items) => $"""
        - list:
            name: {name}
            items: [{string.Join(", ", items.Select(Quote))}]

        """;

    public static string Macro(string name, string condition) => $"""
        - macro:
            name: {name}
            condition: {Quote(condition)}

        """;

    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
