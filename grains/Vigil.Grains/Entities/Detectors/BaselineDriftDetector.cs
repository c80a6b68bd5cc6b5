using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Binary drift, second half: an executable absent from the image baseline, that is one no container of the image
/// ran while the image was learning. A separate rule, Medium rather than High: unlike a file written at run time it
/// may be shipped in the image and merely rare (a maintenance command, a debugging session through kubectl exec).
/// Judged once per executable and container, on its first run there.
/// </summary>
public sealed class BaselineDriftDetector : IRuntimeDetector
{
    public const string RuleId = "vigil.runtime.image-baseline-drift";

    public static RuleMetadata Metadata { get; } = new(
        RuleId,
        "An executable absent from the image baseline detected executing in the container",
        "A container ran an executable that no container of its image ran while the image was learning its baseline.",
        Severity.Medium,
        "TA0002",
        "T1059",
        RuleSource.Runtime,
        ["container", "process", "drift", "baseline", "mitre_execution"],
        true,
        new SourceLocation(nameof(BaselineDriftDetector), 0, 0));

    public RuleMetadata Rule => Metadata;

    public bool ExpectedInBuilds => true;

    public void Observe(DetectorInput input, List<DetectorFinding> findings)
    {
        var value = input.Event;
        if (value.KindCase != RuntimeEvent.KindOneofCase.Exec || value.Errno != 0 || value.Process is not { Binary.Length: > 0 } process
            || input.Container is not { } container || container.Executables.Contains(process.Binary)
            || BinaryDrift.Match(container, value) is not null
            || !input.Images.IsUnknownExecutable(value.Context, process.Binary))
        {
            return;
        }
        findings.Add(new DetectorFinding(Metadata,
            $"{process.Binary} ran (pid {process.Pid}) in container {value.Context?.ContainerName} of "
            + $"{value.Context?.PodNamespace}/{value.Context?.PodName}, and no container of image {value.Context?.Image} "
            + "ran it while the image's baseline was learned"));
    }
}
