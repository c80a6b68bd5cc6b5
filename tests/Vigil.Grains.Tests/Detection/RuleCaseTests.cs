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
        var rule = RepositoryRules.Set.Find(file.RuleId);
        Assert.True(rule is not null, $"{file.Path} names rule '{file.RuleId}', which is not in the set");
        var matched = RepositoryRules.Set.Evaluate(ruleCase.Event, ruleCase.Event.Source).Select(r => r.Id).ToList();
        var description = $"{ruleCase.Location} '{ruleCase.Name}': matched [{string.Join(", ", matched)}]";
        if (ruleCase.Positive)
        {
            Assert.True(matched.Contains(file.RuleId, StringComparer.Ordinal), description);
            // The alert text must name the process or the identity, whichever the rule is about.
            var output = rule.Output.Render(ruleCase.Event);
            Assert.True(output.StartsWith(OutputTemplate<Vigil.Grains.Detection.DetectionEvent>.NotAvailable, StringComparison.Ordinal) is false, output);
        }
        else
        {
            Assert.False(matched.Contains(file.RuleId, StringComparer.Ordinal), description);
        }
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
