namespace Vigil.Grains.Detection.Cases;

/// <summary>The contents of a <c>&lt;rule-id&gt;.tests.yaml</c> file.</summary>
public sealed record RuleCaseFile(string Path, string RuleId, IReadOnlyList<RuleCase> Cases)
{
    public const string Suffix = ".tests.yaml";
}
