namespace Vigil.Grains.Detection.Cases;

/// <summary>The outcome of one case: whether it held, and the rules the whole set matched, to explain a failure.</summary>
public sealed record RuleCaseResult(RuleCaseFile File, RuleCase Case, bool Passed, IReadOnlyList<string> Matched, string Detail)
{
    public override string ToString() =>
        $"{(Passed ? "PASS" : "FAIL")} {Case.Location} {(Case.Positive ? "positive" : "negative")} '{Case.Name}'"
        + (Passed ? "" : $": {Detail}");
}
