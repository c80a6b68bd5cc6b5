using System.Security.Cryptography;
using System.Text;
using Vigil.Grains.Entities;

namespace Vigil.Benchmarks.Detection;

/// <summary>One pod of the synthetic cluster: where it runs and what it runs.</summary>
public sealed record SyntheticPod(
    int Index,
    string Cluster,
    string Namespace,
    string Name,
    string Uid,
    string Node,
    string Container,
    string ContainerId,
    string Image,
    WorkloadKind Workload)
{
    private static readonly string[] Namespaces = ["shop", "payments", "search", "identity", "analytics", "ingest", "media", "ops"];

    private static readonly (WorkloadKind Kind, string Container, string Image)[] Workloads =
    [
        (WorkloadKind.Nginx, "nginx", "nginx:1.25.4"),
        (WorkloadKind.Gunicorn, "api", "registry.example/shop/api:3.8.1"),
        (WorkloadKind.Java, "app", "registry.example/payments/ledger:2024.11.2"),
        (WorkloadKind.Node, "web", "registry.example/media/frontend:7.2.0"),
        (WorkloadKind.Go, "server", "registry.example/ops/exporter:0.19.3"),
    ];

    public string Key => EntityKeys.Pod(Cluster, Namespace, Uid);

    /// <summary>Pod <paramref name="index"/> of a cluster of 50-pod nodes; the same index always gives the same pod.</summary>
    public static SyntheticPod Create(string cluster, int index)
    {
        var (kind, container, image) = Workloads[index % Workloads.Length];
        var ns = Namespaces[index / Workloads.Length % Namespaces.Length];
        var name = $"{container}-{index:x5}-{(index * 7919) % 100_000:d5}";
        var uid = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{cluster}/{ns}/{name}")).AsSpan(0, 16)).ToString();
        var containerId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid + "/" + container)));
        return new SyntheticPod(index, cluster, ns, name, uid, $"node-{index / 50:d3}", container, containerId, image, kind);
    }
}
