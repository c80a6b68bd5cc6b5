using System.Text.Json;

namespace Vigil.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string Clean = RuleYaml.Shells + RuleYaml.Rule("t.shell", "spawned and proc.name in (shells)");

    [Fact]
    public void A_clean_set_exits_0_with_the_summary_and_nothing_else()
    {
        using var dir = new RuleDirectory().Write("rules/shell.yaml", Clean);

        var run = dir.Run("rules", "validate", "rules");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["1 rules, 1 lists, 1 macros: 0 errors, 0 warnings"], run.OutputLines);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_broken_set_exits_1_and_prints_each_coded_diagnostic_at_its_relative_position()
    {
        var broken = RuleYaml.Shells + RuleYaml.Rule("t.shell", "spawned and proc.nme in (shells)");
        using var dir = new RuleDirectory().Write("rules/runtime/shell.yaml", broken);

        var run = dir.Run("rules", "validate", "rules");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                // The list is only used by the comparison that failed to compile, so it reads as unused.
                $"rules/runtime/shell.yaml:{TextPosition.Of(broken, "shells")}: warning VR015: list 'shells' is not used by any condition",
                $"rules/runtime/shell.yaml:{TextPosition.Of(broken, "proc.nme")}: error VR001: unknown field 'proc.nme'",
                "1 rules, 1 lists, 1 macros: 1 errors, 1 warnings",
            ],
            run.OutputLines);
    }

    [Fact]
    public void A_rule_naming_a_field_of_another_source_is_refused_with_VR016()
    {
        var yaml = RuleYaml.Rule("t.audit", "ka.verb = get and proc.name = sh", source: "audit", output: "%ka.verb");
        using var dir = new RuleDirectory().Write("audit.yaml", yaml);

        var run = dir.Run("rules", "validate", "audit.yaml");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"audit.yaml:{TextPosition.Of(yaml, "proc.name")}: error VR016: rule 't.audit' has source audit but names runtime field 'proc.name'",
            run.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_still_exit_0()
    {
        using var dir = new RuleDirectory().Write("r.yaml", Clean + "- list: {name: spare, items: [x]}\n");

        var run = dir.Run("rules", "validate", "r.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.OutputLines, l => l.StartsWith("r.yaml:", StringComparison.Ordinal) && l.Contains(": warning VR015: list 'spare'", StringComparison.Ordinal));
        Assert.Equal("1 rules, 2 lists, 1 macros: 0 errors, 1 warnings", run.OutputLines[^1]);
    }

    [Fact]
    public void Several_paths_load_as_one_set_so_a_list_in_one_file_serves_a_rule_in_another()
    {
        using var dir = new RuleDirectory()
            .Write("common.yaml", RuleYaml.Shells)
            .Write("runtime/shell.yaml", RuleYaml.Rule("t.shell", "spawned and proc.name in (shells)"))
            .Write("runtime/t.shell.tests.yaml", "not: [a rule file");

        var together = dir.Run("rules", "validate", "common.yaml", "runtime");
        var alone = dir.Run("rules", "validate", "runtime");

        Assert.True(together.ExitCode == 0, together.ToString());
        Assert.Equal("1 rules, 1 lists, 1 macros: 0 errors, 0 warnings", together.OutputLines[^1]);
        Assert.True(alone.ExitCode == 1, alone.ToString());
        Assert.Contains(alone.OutputLines, l => l.Contains("error VR003: 'spawned'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_path_exits_2_with_a_message_naming_it_and_loads_nothing()
    {
        using var dir = new RuleDirectory().Write("r.yaml", Clean);

        var run = dir.Run("rules", "validate", "r.yaml", "no-such-dir");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal("vigil: no such file or directory: 'no-such-dir'", run.Error.Trim());
    }

    [Fact]
    public void Without_a_path_it_validates_grains_rules_from_the_repository_root()
    {
        var run = CliRun.In(Repository.Root, "rules", "validate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^([1-9][0-9]*) rules, [0-9]+ lists, [0-9]+ macros: 0 errors, 0 warnings$", run.OutputLines.Single());
    }

    [Fact]
    public void Without_a_path_outside_the_repository_root_it_explains_the_default()
    {
        using var dir = new RuleDirectory();

        var run = dir.Run("rules", "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'grains/rules' (the default; run from the repository root", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_parses_and_carries_counts_and_positions()
    {
        var broken = RuleYaml.Shells + RuleYaml.Rule("t.shell", "spawned and proc.name in (shells) and fd.sport = stratum");
        using var dir = new RuleDirectory().Write("rules/shell.yaml", broken);

        var run = dir.Run("rules", "validate", "rules", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("rules").GetInt32());
        Assert.Equal(1, root.GetProperty("lists").GetInt32());
        Assert.Equal(1, root.GetProperty("macros").GetInt32());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("rules/shell.yaml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(TextPosition.Of(broken, "stratum"), $"{diagnostic.GetProperty("line").GetInt32()}:{diagnostic.GetProperty("column").GetInt32()}");
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("VR002", diagnostic.GetProperty("code").GetString());
        Assert.Contains("stratum", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_of_a_clean_set_has_an_empty_diagnostics_array()
    {
        using var dir = new RuleDirectory().Write("r.yaml", Clean);

        var run = dir.Run("rules", "validate", "--format", "json", "r.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
    }
}
