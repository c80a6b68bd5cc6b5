namespace Vigil.Grains.Detection.Audit;

/// <summary>Which body a resource carries, from objectRef: Panther's and GKE's records often lack the body's kind.</summary>
internal static class RequestKinds
{
    public static RequestKind Of(string resource, string subresource) => (resource, subresource) switch
    {
        ("pods", "exec" or "attach") => RequestKind.Exec,
        // kubectl debug adds an ephemeral container by updating this subresource with the whole pod.
        ("pods", "" or "ephemeralcontainers") => RequestKind.Workload,
        (_, not "") => RequestKind.None,
        ("deployments" or "daemonsets" or "statefulsets" or "replicasets" or "replicationcontrollers" or "jobs"
            or "cronjobs" or "podtemplates", _) => RequestKind.Workload,
        ("roles" or "clusterroles", _) => RequestKind.Role,
        ("rolebindings" or "clusterrolebindings", _) => RequestKind.Binding,
        ("services", _) => RequestKind.Service,
        ("configmaps", _) => RequestKind.ConfigMap,
        _ => RequestKind.None,
    };
}
