namespace Vigil.Grains.Tests;

public sealed class ListAndMacroTests
{
    private static readonly string Preamble =
        RuleText.List("shell_binaries", "bash", "sh", "zsh")
        + RuleText.List("all_shells", "shell_binaries", "fish")
        + RuleText.Macro("spawned_process", "evt.type in (execve, execveat)")
        + RuleText.Macro("shell_spawned", "spawned_process and proc.name in (all_shells)");

    private static TestEvent Exec(string name) => new() { Type = "execve", ProcName = name };

    [Theory]
    [InlineData("bash", true)]
    [InlineData("zsh", true)]
    [InlineData("python", false)]
    public void A_list_name_in_a_value_list_stands_for_its_items(string name, bool expected) =>
        Assert.Equal(expected, Engine.Matches("proc.name in (shell_binaries, dash)", Exec(name), Preamble));

    [Fact]
    public void A_list_can_be_used_without_parentheses() =>
        Assert.True(Engine.Matches("proc.name in shell_binaries", Exec("sh"), Preamble));

    [Fact]
    public void A_list_may_include_another_list() =>
        Assert.True(Engine.Matches("proc.name in (all_shells)", Exec("bash"), Preamble)
            && Engine.Matches("proc.name in (all_shells)", Exec("fish"), Preamble));

    [Fact]
    public void Quoting_a_list_name_keeps_it_literal()
    {
        Assert.False(Engine.Matches("proc.name in ('shell_binaries')", Exec("bash"), Preamble));
        Assert.True(Engine.Matches("proc.name = 'shell_binaries'", Exec("shell_binaries"), Preamble));
    }

    [Fact]
    public void A_list_works_with_string_operators_other_than_in() =>
        Assert.True(Engine.Matches("proc.name startswith shell_binaries", Exec("bash5"), Preamble));

    [Theory]
    [InlineData("execve", "bash", true)]
    [InlineData("execveat", "fish", true)]
    [InlineData("open", "bash", false)]
    [InlineData("execve", "python", false)]
    public void Macros_compose_other_macros_and_lists(string type, string name, bool expected) =>
        Assert.Equal(expected, Engine.Matches("shell_spawned", new TestEvent { Type = type, ProcName = name }, Preamble));

    [Fact]
    public void A_macro_can_be_negated_and_combined() =>
        Assert.True(Engine.Matches("spawned_process and not shell_spawned", Exec("python"), Preamble));

    [Fact]
    public void Macros_and_lists_are_shared_across_files()
    {
        var result = new RuleLoader<TestEvent>(TestCatalogue.Create()).Load([
            new RuleSourceFile("macros.yaml", Preamble),
            new RuleSourceFile("rules.yaml", RuleText.Rule("r1", "shell_spawned")),
        ]);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(result.RuleSet!.Find("r1")!.Matches(Exec("zsh")));
    }
}
