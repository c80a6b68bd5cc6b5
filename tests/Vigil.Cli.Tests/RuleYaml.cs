namespace Vigil.Cli.Tests;

/// <summary>Small rule files for the command to load; each test changes only the part it is about.</summary>
public static class RuleYaml
{
    public const string Shells = """
        - list:
            name: shells
            items: [sh, bash]

        - macro:
            name: spawned
            condition: evt.type = exec

        """;

    public static string Rule(string id, string condition, string source = "runtime", string output = "%proc.name") => $"""
        - rule:
            id: {id}
            title: Title of {id}
            description: A test rule.
            severity: High
            tactic: TA0002
            technique: T1059.004
            source: {source}
            condition: {condition}
            output: '{output}'

        """;
}
