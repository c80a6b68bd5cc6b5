using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// What a detector found on the current event: the rule to raise, the evidence text for the current event, and the
/// evidence of earlier events that belong to the same finding (the download and the chmod before an exec), oldest first.
/// </summary>
public sealed record DetectorFinding(RuleMetadata Rule, string Output, IReadOnlyList<AlertEvidence> Preceding)
{
    public DetectorFinding(RuleMetadata rule, string output)
        : this(rule, output, [])
    {
    }
}
