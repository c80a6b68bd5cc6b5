using System.Text.Json;
using Vigil.Grains.Detection.Audit;

namespace Vigil.Silo.Admission;

/// <summary>
/// Checks a pod spec, of a pod or of a workload's template, against the policies that are not off. Every
/// container list counts (containers, initContainers, ephemeralContainers): an attacker puts the privileged
/// container wherever it is least looked at.
/// </summary>
public static class WorkloadPolicies
{
    /// <summary>The resources whose objects hold a pod spec, and so the ones this webhook judges and records.</summary>
    public static readonly IReadOnlySet<string> WorkloadResources = new HashSet<string>(StringComparer.Ordinal)
    {
        "pods", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs", "podtemplates",
    };

    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    public static IReadOnlyList<PolicyFinding> Evaluate(string resource, JsonElement workload, AdmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var spec = PodSpecs.Locate(resource, workload);
        var findings = new List<PolicyFinding>();
        if (spec.ValueKind != JsonValueKind.Object)
        {
            return findings;
        }
        void Add(string policy, string message)
        {
            if (options.Mode(policy) != PolicyMode.Off)
            {
                findings.Add(new PolicyFinding(policy, message));
            }
        }

        foreach (var volume in Items(spec, "volumes"))
        {
            if (String(Child(volume, "hostPath"), "path") is { } path)
            {
                Add(AdmissionPolicies.HostPath, $"volume {String(volume, "name") ?? "(unnamed)"} mounts host path {path}");
            }
        }
        var shared = new[] { ("hostNetwork", "network"), ("hostPID", "PID"), ("hostIPC", "IPC") }
            .Where(n => Child(spec, n.Item1).ValueKind == JsonValueKind.True).Select(n => n.Item2).ToList();
        if (shared.Count > 0)
        {
            Add(AdmissionPolicies.HostNamespaces, $"the pod shares the node's {string.Join(", ", shared)} namespace{(shared.Count > 1 ? "s" : "")}");
        }

        var podContext = Child(spec, "securityContext");
        foreach (var list in ContainerLists)
        {
            foreach (var container in Items(spec, list))
            {
                Container(list, container, podContext, options, Add);
            }
        }
        return findings;
    }

    private static void Container(string list, JsonElement container, JsonElement podContext, AdmissionOptions options, Action<string, string> add)
    {
        var name = $"{(list == "containers" ? "container" : list == "initContainers" ? "init container" : "ephemeral container")} {String(container, "name") ?? "(unnamed)"}";
        var context = Child(container, "securityContext");
        if (Child(context, "privileged").ValueKind == JsonValueKind.True)
        {
            add(AdmissionPolicies.Privileged, $"{name} runs privileged");
        }
        var added = Items(Child(context, "capabilities"), "add")
            .Where(c => c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 }).Select(c => c.GetString()!).ToList();
        if (added.Count > 0)
        {
            add(AdmissionPolicies.AddedCapabilities, $"{name} adds capabilities {string.Join(", ", added)}");
        }

        // The container's own settings win over the pod's, field by field, as the kubelet applies them.
        var user = Number(context, "runAsUser") ?? Number(podContext, "runAsUser");
        var nonRoot = Boolean(context, "runAsNonRoot") ?? Boolean(podContext, "runAsNonRoot");
        if (user == 0)
        {
            add(AdmissionPolicies.RunAsRoot, $"{name} runs as root (runAsUser 0)");
        }
        else if (user is null && nonRoot != true)
        {
            add(AdmissionPolicies.RunAsRoot, $"{name} may run as root (neither runAsNonRoot nor runAsUser is set)");
        }

        if (String(container, "image") is { } reference)
        {
            Image(name, reference, options, add);
        }
        // Ephemeral containers cannot have resources: the API refuses them there.
        if (list != "ephemeralContainers")
        {
            var limits = Child(Child(container, "resources"), "limits");
            var missing = new[] { "cpu", "memory" }.Where(r => Child(limits, r).ValueKind is JsonValueKind.Undefined or JsonValueKind.Null).ToList();
            if (missing.Count > 0)
            {
                add(AdmissionPolicies.ResourceLimits, $"{name} sets no {string.Join(" or ", missing)} limit");
            }
        }
    }

    private static void Image(string name, string reference, AdmissionOptions options, Action<string, string> add)
    {
        var image = ContainerImage.Parse(reference);
        if (image.Digest is null && image.Tag is null)
        {
            add(AdmissionPolicies.ImageTag, $"{name} uses untagged image {reference} (pulls whatever latest is)");
        }
        else if (image.Digest is null && image.Tag == "latest")
        {
            add(AdmissionPolicies.ImageTag, $"{name} uses {reference}; pin a version or a digest");
        }
        if (options.AllowedRegistries.Count > 0 && !options.AllowedRegistries.Any(image.ComesFrom))
        {
            add(AdmissionPolicies.AllowedRegistries, $"{name} pulls {image.Location}, not from an allowed registry");
        }
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static string? String(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool? Boolean(JsonElement parent, string name) => Child(parent, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static long? Number(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;
}
