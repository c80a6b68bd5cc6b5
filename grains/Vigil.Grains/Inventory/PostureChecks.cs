using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection.Audit;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Inventory;

/// <summary>
/// Posture checks over inventoried objects: the same facts the admission and audit rules read from a request,
/// here read from what is already running, so a privileged pod created before Vigil was installed is found too.
/// </summary>
public static class PostureChecks
{
    /// <summary>Host paths that hand the node to whoever mounts them.</summary>
    private static readonly string[] SensitiveHostPaths =
        ["/", "/etc", "/root", "/proc", "/var/run", "/run", "/var/run/docker.sock", "/run/containerd/containerd.sock",
         "/var/lib/kubelet", "/var/lib/docker", "/etc/kubernetes", "/dev"];

    private static readonly string[] EscapeCapabilities = ["SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "NET_ADMIN", "BPF", "ALL"];

    private static readonly Dictionary<string, string> WorkloadResources = new(StringComparer.Ordinal)
    {
        ["Pod"] = "pods", ["Deployment"] = "deployments", ["DaemonSet"] = "daemonsets", ["StatefulSet"] = "statefulsets",
        ["ReplicaSet"] = "replicasets", ["Job"] = "jobs", ["CronJob"] = "cronjobs",
    };

    public static IReadOnlyList<PostureFinding> Evaluate(InventoryObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Deleted || value.Json.IsEmpty)
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(value.Json.Memory);
            var root = document.RootElement;
            var findings = new List<PostureFinding>();
            if (WorkloadResources.TryGetValue(value.Kind, out var resource) && PodSpecFacts.Read(PodSpecs.Locate(resource, root)) is { } pod)
            {
                Workload(value, pod, findings);
            }
            else if (value.Kind == "Service")
            {
                Service(value, ServiceFacts.Read(root), findings);
            }
            else if (value.Kind == "ClusterRoleBinding")
            {
                Binding(value, BindingFacts.Read(root), findings);
            }
            return findings;
        }
        catch (JsonException)
        {
            // Discovery sends what the API returned; an object it could not serialise is not a finding.
            return [];
        }
    }

    private static void Workload(InventoryObject value, PodSpecFacts pod, List<PostureFinding> findings)
    {
        if (pod.Privileged)
        {
            findings.Add(Finding(value, "privileged-container", "Privileged container", Severity.High, "a container runs privileged"));
        }
        foreach (var path in pod.HostPaths)
        {
            var sensitive = SensitiveHostPaths.Contains(path.Length == 0 ? "/" : path, StringComparer.Ordinal);
            findings.Add(Finding(value, "host-path", sensitive ? "Sensitive host path mounted" : "Host path mounted",
                sensitive ? Severity.High : Severity.Low, $"hostPath {(path.Length == 0 ? "/" : path)}"));
        }
        if (pod.HostNetwork || pod.HostPid || pod.HostIpc)
        {
            var shared = string.Join(", ", new[] { (pod.HostNetwork, "network"), (pod.HostPid, "PID"), (pod.HostIpc, "IPC") }.Where(n => n.Item1).Select(n => n.Item2));
            findings.Add(Finding(value, "host-namespaces", "Host namespaces shared", Severity.Medium, $"shares the node's {shared} namespace"));
        }
        var dangerous = pod.AddedCapabilities.Intersect(EscapeCapabilities, StringComparer.Ordinal).ToList();
        if (dangerous.Count > 0)
        {
            findings.Add(Finding(value, "added-capabilities", "Dangerous capabilities added", Severity.Medium, $"adds {string.Join(", ", dangerous)}"));
        }
    }

    private static void Service(InventoryObject value, ServiceFacts service, List<PostureFinding> findings)
    {
        if (service.Type != "LoadBalancer")
        {
            return;
        }
        var dashboard = value.Name.Contains("dashboard", StringComparison.OrdinalIgnoreCase);
        findings.Add(Finding(value, "exposed-service", dashboard ? "Kubernetes dashboard exposed by a LoadBalancer" : "Service exposed by a LoadBalancer",
            dashboard ? Severity.High : Severity.Low, $"LoadBalancer on ports {string.Join(", ", service.Ports)}"));
    }

    private static void Binding(InventoryObject value, BindingFacts binding, List<PostureFinding> findings)
    {
        if (binding.Role != "cluster-admin")
        {
            return;
        }
        var outsiders = binding.Subjects.Where(s => !s.StartsWith("system:", StringComparison.Ordinal)).ToList();
        if (outsiders.Count > 0)
        {
            findings.Add(Finding(value, "cluster-admin-binding", "Binding to cluster-admin", Severity.High, $"grants cluster-admin to {string.Join(", ", outsiders)}"));
        }
    }

    private static PostureFinding Finding(InventoryObject value, string check, string title, Severity severity, string detail) =>
        new(check, title, severity, value.Kind, value.Namespace, value.Name, detail);
}
