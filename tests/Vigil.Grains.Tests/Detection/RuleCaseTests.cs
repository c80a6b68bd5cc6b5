using Vigil.Grains.Detection.Cases;

namespace Vigil.Grains.Tests.Detection;

/// <summary>
/// The rule set under grains/rules loads cleanly and every case in every <c>&lt;id&gt;.tests.yaml</c> holds: a
/// positive case's event matches its rule, a negative case's does not. The whole set is evaluated, as the grains
/// will, so a case also proves the rule is reachable through the event-type index and its source.
/// </summary>
public sealed class RuleCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryRules.CaseFiles)
        {
            for (var i = 0; i < file.Cases.Count; i++)
            {
                data.Add(Key(file, i));
            }
        }
        return data;
    }

    [Fact]
    public void The_rule_set_loads_without_errors_or_warnings()
    {
        var load = RepositoryRules.Load;
        Assert.True(load.Succeeded, string.Join('\n', load.Diagnostics));
        Assert.Empty(load.Diagnostics);
        Assert.True(load.RuleSet!.Rules.Count >= 9, $"only {load.RuleSet.Rules.Count} rules loaded");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_holds(string key)
    {
        var (file, ruleCase) = Find(key);
        var result = RuleCaseRunner.Run(RepositoryRules.Set, file, ruleCase);
        Assert.True(result.Passed, result.ToString());
    }

    private static string Key(RuleCaseFile file, int index) =>
        $"{RepositoryRules.Relative(file.Path)}#{index}: {file.Cases[index].Name}";

    private static (RuleCaseFile File, RuleCase Case) Find(string key)
    {
        foreach (var file in RepositoryRules.CaseFiles)
        {
            for (var i = 0; i < file.Cases.Count; i++)
            {
                if (Key(file, i) == key)
                {
                    return (file, file.Cases[i]);
                }
            }
        }
        throw new InvalidOperationException($"No case {key}.");
    }
}
