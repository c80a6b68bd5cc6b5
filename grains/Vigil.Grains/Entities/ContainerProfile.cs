namespace Vigil.Grains.Entities;

/// <summary>One container of a <see cref="PodProfile"/>.</summary>
public sealed record ContainerProfile(
    string Id,
    string Name,
    string Image,
    IReadOnlyList<string> Executables,
    bool ExecutablesTruncated,
    int WrittenFiles);
