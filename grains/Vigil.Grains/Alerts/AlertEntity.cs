namespace Vigil.Grains.Alerts;

/// <summary>
/// Where an alert happened. The container name (not its id) is the entity, so a restart keeps grouping. The service
/// account is <c>namespace/name</c> for audit alerts raised on an account, and the pod's account where it is known.
/// </summary>
public sealed record AlertEntity(string Cluster, string Namespace, string Pod, string Container, string Node, string ServiceAccount = "");
