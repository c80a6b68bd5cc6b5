namespace Vigil.Grains.Entities;

/// <summary>A read-only summary of a pod's behavioural state, safe to hand out of the grain.</summary>
public sealed record PodProfile(
    string Cluster,
    string Namespace,
    string Pod,
    string Node,
    IReadOnlyList<ContainerProfile> Containers,
    IReadOnlyList<string> Images,
    int Processes,
    int Connections);
