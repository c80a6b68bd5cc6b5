using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Entities;

/// <summary>
/// Grain keys. A pod is <c>cluster/namespace/pod-uid</c>: the uid, not the name, because a StatefulSet's
/// replacement pod reuses its name but is a new workload with a new history; the namespace and cluster keep keys
/// readable and unique across clusters that share a silo. A node is <c>cluster/node</c>, a cluster its name.
/// Namespaces, uids and node names cannot contain '/', so a key splits back unambiguously as long as cluster names
/// do not either (they are configured by us, not by Kubernetes).
/// </summary>
public static class EntityKeys
{
    public static string Pod(string cluster, string podNamespace, string podUid) => $"{cluster}/{podNamespace}/{podUid}";

    /// <summary>The pod an event belongs to; null for a host process, which goes to its node instead.</summary>
    public static string? Pod(EventContext? context) =>
        context is null || context.PodUid.Length == 0 ? null : Pod(context.Cluster, context.PodNamespace, context.PodUid);

    public static string Node(string cluster, string node) => $"{cluster}/{node}";

    public static string Cluster(string cluster) => cluster;
}
