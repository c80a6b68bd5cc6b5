using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// A detector that needs history, run by the pod grain on every event after the rules. It judges the event against
/// the state as it stood before the event, then records in its own state what later events will be judged by:
/// both in one call, so a detector's bookkeeping lives beside the logic that reads it.
/// </summary>
public interface IRuntimeDetector
{
    RuleMetadata Rule { get; }

    /// <summary>
    /// True for behaviour that build and CI workloads show as a matter of course (fetching a tool and running it):
    /// in the workloads <see cref="DetectorOptions.BuildNamespaces"/> and <see cref="DetectorOptions.BuildImagePrefixes"/>
    /// name, its findings are raised as Informational.
    /// </summary>
    bool ExpectedInBuilds { get; }

    void Observe(DetectorInput input, List<DetectorFinding> findings);
}
