using Vigil.Grains.Detection;
using Vigil.Grains.Detection.Cases;

namespace Vigil.Grains.Tests.Detection;

/// <summary>The runner shared with <c>vigil rules test</c> fails a case for each way it can go wrong, and says how.</summary>
public sealed class RuleCaseRunnerTests
{
    private static readonly RuleSet<DetectionEvent> Set = Load("""
        - rule:
            id: t.shell
            title: Shell
            description: A shell.
            severity: High
            tactic: TA0002
            technique: T1059.004
            source: runtime
            condition: evt.type = exec and proc.name = sh
            output: '%proc.name ran'
        - rule:
            id: t.blank
            title: Blank output
            description: Output opens with a value the event lacks.
            severity: Low
            tactic: TA0002
            technique: T1059.004
            source: runtime
            condition: evt.type = exec and proc.name = sh
            output: '%fd.name was opened'
        """);

    private static RuleSet<DetectionEvent> Load(string yaml)
    {
        var load = new RuleLoader<DetectionEvent>(DetectionFields.Create()).Load([new RuleSourceFile("r.yaml", yaml)]);
        Assert.True(load.Succeeded, string.Join('\n', load.Diagnostics));
        return load.RuleSet!;
    }

    private static RuleCaseResult Only(string caseYaml) =>
        Assert.Single(RuleCaseRunner.Run(Set, RuleCaseReader.Read("x.tests.yaml", caseYaml)));

    [Fact]
    public void A_positive_case_that_matches_passes_and_one_that_does_not_fails_with_what_matched()
    {
        var pass = Only("rule: t.shell\npositive: [{name: sh, exec: /bin/sh}]\n");
        var fail = Only("rule: t.shell\npositive: [{name: bash, exec: /bin/bash}]\n");

        Assert.True(pass.Passed, pass.ToString());
        Assert.Equal(["t.shell", "t.blank"], pass.Matched);
        Assert.False(fail.Passed);
        Assert.Equal("FAIL x.tests.yaml:2 positive 'bash': the rule did not match; matched []", fail.ToString());
    }

    [Fact]
    public void A_negative_case_that_matches_fails()
    {
        var result = Only("rule: t.shell\nnegative: [{name: sh, exec: /bin/sh}]\n");

        Assert.False(result.Passed);
        Assert.StartsWith("the rule matched a negative case", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_for_a_rule_not_in_the_set_fails()
    {
        var result = Only("rule: t.gone\nnegative: [{name: sh, exec: /bin/sh}]\n");

        Assert.False(result.Passed);
        Assert.Contains("'t.gone', which is not in the set", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_positive_match_whose_output_opens_with_a_missing_value_fails()
    {
        var result = Only("rule: t.blank\npositive: [{name: sh, exec: /bin/sh}]\n");

        Assert.False(result.Passed);
        Assert.Equal("the output starts with a missing value: <NA> was opened", result.Detail);
    }
}
