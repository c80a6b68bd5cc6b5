namespace Vigil.Grains.Topology;

/// <summary>A pod telling its namespace it exists: its name, uid (the pod grain's key part), node and when.</summary>
public sealed record PodSighting(string Name, string Uid, string Node, DateTimeOffset SeenAt);
