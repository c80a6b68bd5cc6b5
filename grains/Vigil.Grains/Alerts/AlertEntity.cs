namespace Vigil.Grains.Alerts;

/// <summary>Where an alert happened; the container name (not its id) is the entity, so a restart keeps grouping.</summary>
public sealed record AlertEntity(string Cluster, string Namespace, string Pod, string Container, string Node);
