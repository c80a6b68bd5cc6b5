using Vigil.Grains.Detection.Cases;

namespace Vigil.Grains.Tests.Detection;

/// <summary>Every enabled rule carries its own evidence of working: a tests file beside it with both kinds of case.</summary>
public sealed class RuleCoverageTests
{
    [Fact]
    public void Every_enabled_rule_has_a_positive_and_a_negative_case_beside_it()
    {
        var byRule = RepositoryRules.CaseFiles.ToDictionary(f => f.RuleId, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var rule in RepositoryRules.Set.Rules.Where(r => r.Metadata.Enabled))
        {
            var expected = Path.Combine(Path.GetDirectoryName(rule.Metadata.Location.File)!, rule.Id + RuleCaseFile.Suffix);
            if (!byRule.TryGetValue(rule.Id, out var file))
            {
                problems.Add($"{rule.Id}: no {RepositoryRules.Relative(expected)}");
                continue;
            }
            if (Path.GetFullPath(file.Path) != Path.GetFullPath(expected))
            {
                problems.Add($"{rule.Id}: cases are in {RepositoryRules.Relative(file.Path)}, not beside the rule");
            }
            if (!file.Cases.Any(c => c.Positive))
            {
                problems.Add($"{rule.Id}: no positive case");
            }
            if (!file.Cases.Any(c => !c.Positive))
            {
                problems.Add($"{rule.Id}: no negative case");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_tests_file_names_a_rule_of_the_set_and_no_rule_has_two()
    {
        var ids = RepositoryRules.Set.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(RepositoryRules.CaseFiles);
        Assert.All(RepositoryRules.CaseFiles, f => Assert.True(ids.Contains(f.RuleId), $"{f.Path}: unknown rule '{f.RuleId}'"));
        Assert.All(RepositoryRules.CaseFiles, f => Assert.EndsWith(f.RuleId + RuleCaseFile.Suffix, f.Path, StringComparison.Ordinal));
        Assert.Equal(RepositoryRules.CaseFiles.Count, RepositoryRules.CaseFiles.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_rule_carries_MITRE_ids_and_the_minimum_alerts_are_present()
    {
        var titles = RepositoryRules.Set.Rules.Select(r => r.Metadata.Title).ToHashSet(StringComparer.Ordinal);
        string[] required =
        [
            "Possible Web Shell activity detected", "Network scanning tool detected", "Access to cloud metadata service detected",
            "Sensitive files access detected", "Command within a container accessed ld.so.preload",
            "Kubernetes CPU optimization detected", "Possible Cryptocoinminer download detected",
            "Possible secret reconnaissance detected",
        ];
        Assert.All(required, t => Assert.Contains(t, titles));
        Assert.All(RepositoryRules.Set.Rules, r => Assert.Matches("^TA[0-9]{4}$", r.Metadata.Tactic));
        Assert.All(RepositoryRules.Set.Rules, r => Assert.Matches(@"^T[0-9]{4}(\.[0-9]{3})?$", r.Metadata.Technique));
    }
}
