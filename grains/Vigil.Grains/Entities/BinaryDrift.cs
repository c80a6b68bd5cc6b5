using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities;

/// <summary>
/// The binary-drift detector: an exec of a file that a process of the same container created or wrote after the
/// container started. Images are immutable, so whatever runs from a file written at run time was not shipped in
/// the image: a downloaded tool, a dropped payload. Stateful, so it lives in the pod grain rather than in a rule.
/// A refused exec counts too: the attempt is the evidence.
/// </summary>
public static class BinaryDrift
{
    public const string RuleId = "vigil.runtime.binary-drift";

    public static RuleMetadata Rule { get; } = new(
        RuleId,
        "A drift binary detected executing in the container",
        "A process executed a file that was created or modified inside the container after it started, so the "
            + "binary is not part of the container's image.",
        Severity.High,
        "TA0002",
        "T1059",
        RuleSource.Runtime,
        ["container", "process", "drift", "mitre_execution"],
        true,
        new SourceLocation(nameof(BinaryDrift), 0, 0));

    /// <summary>The drifted path the exec ran, or null when the exec ran something the container did not write.</summary>
    public static string? Match(ContainerRecord? container, RuntimeEvent value)
    {
        if (container is null || value.KindCase != RuntimeEvent.KindOneofCase.Exec || value.Process is null)
        {
            return null;
        }
        if (container.WrittenFiles.ContainsKey(value.Process.Binary))
        {
            return value.Process.Binary;
        }
        var named = value.Exec.Filename;
        return named.Length > 0 && container.WrittenFiles.ContainsKey(named) ? named : null;
    }

    public static string Describe(RuntimeEvent value, string path) =>
        $"{path} was written inside container {value.Context?.ContainerName} after it started and then executed "
        + $"(pid {value.Process?.Pid}) in {value.Context?.PodNamespace}/{value.Context?.PodName} image {value.Context?.Image}";
}
