using System.Text.RegularExpressions;

namespace Vigil.Cli.Tests;

public sealed partial class TestCommandTests
{
    private static readonly string Rules = RuleYaml.Shells + RuleYaml.Rule("t.shell", "spawned and proc.name = sh");

    [GeneratedRegex(@"^([0-9]+) passed, ([0-9]+) failed$")]
    private static partial Regex Closing();

    [Fact]
    public void Every_case_under_grains_rules_passes()
    {
        var run = CliRun.In(Repository.Root, "rules", "test", "grains/rules");

        Assert.True(run.ExitCode == 0, run.ToString());
        var closing = Closing().Match(run.OutputLines[^1]);
        Assert.True(closing.Success, run.ToString());
        var passes = run.OutputLines.Count(l => l.StartsWith("PASS grains/rules/", StringComparison.Ordinal));
        Assert.True(passes > 0, run.ToString());
        Assert.Equal(passes.ToString(System.Globalization.CultureInfo.InvariantCulture), closing.Groups[1].Value);
        Assert.Equal("0", closing.Groups[2].Value);
        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_case_is_reported_with_its_position_and_what_matched_and_exits_1()
    {
        using var dir = new RuleDirectory()
            .Write("rules/shell.yaml", Rules)
            .Write("rules/t.shell.tests.yaml", """
                rule: t.shell
                positive:
                  - {name: sh starts, exec: /bin/sh}
                  - {name: bash is not sh, exec: /bin/bash}
                negative:
                  - {name: ls, exec: /bin/ls}
                """);

        var run = dir.Run("rules", "test", "rules");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            ["PASS rules/t.shell.tests.yaml:3 positive 'sh starts'",
             "FAIL rules/t.shell.tests.yaml:4 positive 'bash is not sh': the rule did not match; matched []",
             "PASS rules/t.shell.tests.yaml:6 negative 'ls'",
             "2 passed, 1 failed"],
            run.OutputLines);
    }

    [Fact]
    public void A_set_that_does_not_load_runs_no_case_and_exits_1()
    {
        using var dir = new RuleDirectory()
            .Write("shell.yaml", RuleYaml.Rule("t.shell", "proc.nme = sh"))
            .Write("t.shell.tests.yaml", "rule: t.shell\npositive:\n  - {name: sh, exec: /bin/sh}\n");

        var run = dir.Run("rules", "test", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(run.OutputLines, l => l.StartsWith("shell.yaml:", StringComparison.Ordinal) && l.Contains("error VR001", StringComparison.Ordinal));
        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("PASS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_tests_file_counts_as_a_failure()
    {
        using var dir = new RuleDirectory()
            .Write("shell.yaml", Rules)
            .Write("t.shell.tests.yaml", "rule: t.shell\npositive:\n  - {name: sh, exec: /bin/sh, colour: red}\n");

        var run = dir.Run("rules", "test", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("FAIL t.shell.tests.yaml:3:", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("0 passed, 1 failed", run.OutputLines[^1]);
    }

    [Fact]
    public void A_missing_directory_exits_2()
    {
        using var dir = new RuleDirectory();

        var run = dir.Run("rules", "test", "nowhere");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("vigil: no such file or directory: 'nowhere'", run.Error.Trim());
    }
}
