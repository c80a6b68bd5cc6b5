namespace Vigil.Grains.Entities;

/// <summary>The stored state of one image grain; both sets stop growing at their bounds in <see cref="PodLimits"/>.</summary>
public sealed class ImageState
{
    /// <summary>When a container of the image was first reported: the learning window runs from here. Null until then.</summary>
    public DateTimeOffset? FirstSeen { get; set; }

    public HashSet<string> Executables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True once <see cref="Executables"/> reached its bound while learning: the baseline judges no executable.</summary>
    public bool ExecutablesSaturated { get; set; }

    public HashSet<string> MetadataChains { get; set; } = new(StringComparer.Ordinal);
}
