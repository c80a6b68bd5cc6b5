using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>Binary drift, first half: <see cref="BinaryDrift"/> (an exec of a file written in the container) behind the seam.</summary>
public sealed class BinaryDriftDetector : IRuntimeDetector
{
    public RuleMetadata Rule => BinaryDrift.Rule;

    public bool ExpectedInBuilds => true;

    public void Observe(DetectorInput input, List<DetectorFinding> findings)
    {
        if (BinaryDrift.Match(input.Container, input.Event) is { } drifted)
        {
            findings.Add(new DetectorFinding(Rule, BinaryDrift.Describe(input.Event, drifted)));
        }
    }
}
