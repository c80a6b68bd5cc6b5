using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// Runs the cases of <c>&lt;id&gt;.tests.yaml</c> files against a loaded set. The whole set is evaluated, as the
/// grains will, so a case also proves its rule is reachable through its source and the event-type index. One
/// runner serves the test suite and <c>vigil rules test</c>, so both judge a case the same way.
/// </summary>
public static class RuleCaseRunner
{
    /// <summary>Every tests file under a rule directory, in ordinal path order.</summary>
    public static IReadOnlyList<string> FindCaseFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*" + RuleCaseFile.Suffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<RuleCaseResult> Run(RuleSet<DetectionEvent> set, RuleCaseFile file) =>
        [.. file.Cases.Select(c => Run(set, file, c))];

    public static RuleCaseResult Run(RuleSet<DetectionEvent> set, RuleCaseFile file, RuleCase ruleCase)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(ruleCase);
        var matched = set.Evaluate(ruleCase.Event, ruleCase.Event.Source).Select(r => r.Id).ToList();
        if (set.Find(file.RuleId) is not { } rule)
        {
            return new(file, ruleCase, false, matched, $"the tests file names rule '{file.RuleId}', which is not in the set");
        }
        var hit = matched.Contains(file.RuleId, StringComparer.Ordinal);
        var seen = $"matched [{string.Join(", ", matched)}]";
        if (!ruleCase.Positive)
        {
            return new(file, ruleCase, !hit, matched, hit ? $"the rule matched a negative case; {seen}" : seen);
        }
        if (!hit)
        {
            return new(file, ruleCase, false, matched, $"the rule did not match; {seen}");
        }
        // An alert whose text opens with <NA> names neither the process nor the identity it is about.
        var output = rule.Output.Render(ruleCase.Event);
        return output.StartsWith(OutputTemplate<DetectionEvent>.NotAvailable, StringComparison.Ordinal)
            ? new(file, ruleCase, false, matched, $"the output starts with a missing value: {output}")
            : new(file, ruleCase, true, matched, seen);
    }
}
