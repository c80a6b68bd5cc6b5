namespace Vigil.Grains.Topology;

/// <summary>What a namespace knows of one of its pods; the pod's own grain holds the rest.</summary>
public sealed record PodEntry(string Name, string Uid, string Node, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
