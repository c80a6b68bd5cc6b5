using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Entities;

/// <summary>One container of the pod and what it has done since Vigil first saw it.</summary>
public sealed class ContainerRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Image { get; set; } = "";

    public string ImageDigest { get; set; } = "";

    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>Binaries executed, up to <see cref="PodLimits.MaxExecutablesPerContainer"/>.</summary>
    public HashSet<string> Executables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True once <see cref="Executables"/> reached its bound and stopped growing.</summary>
    public bool ExecutablesTruncated { get; set; }

    /// <summary>
    /// Paths created or written inside the container while Vigil watched it, that is after it started, with the
    /// order they were written in (for eviction): what binary drift is judged against.
    /// </summary>
    public Dictionary<string, long> WrittenFiles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What the stateful detectors remember of the container; it goes with the container when evicted.</summary>
    public ContainerDetectorState Detectors { get; set; } = new();
}
