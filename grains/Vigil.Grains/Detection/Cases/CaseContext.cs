using Vigil.Contracts.Events.V1;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// Where a case's event happened. Unless a case says otherwise its event comes from a container in a pod, since
/// that is where most rules look; <c>host: true</c> moves it onto the node, outside any container.
/// </summary>
internal static class CaseContext
{
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "node", "cluster", "container", "container_id", "image", "namespace", "pod", "pod_uid", "host",
    };

    public static EventContext Default() => new()
    {
        Node = "node-1",
        Cluster = "test-cluster",
        ContainerId = "3f6c2a1e9b7d4c5a8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d",
        ContainerName = "app",
        Image = "registry.example/shop/app:1.0",
        PodUid = "6b1c3c52-8a57-4b8e-9f0e-2d7a3c1e5f90",
        PodNamespace = "default",
        PodName = "app-0",
        TimeUnixNano = 1_767_225_600_000_000_000,
    };

    /// <summary>Applies the context keys present in <paramref name="keys"/>; other keys are left for the caller.</summary>
    public static void Apply(string path, IReadOnlyDictionary<string, YamlNode> keys, EventContext context)
    {
        foreach (var (key, node) in keys)
        {
            switch (key)
            {
                case "node": context.Node = CaseYaml.Scalar(path, node); break;
                case "cluster": context.Cluster = CaseYaml.Scalar(path, node); break;
                case "container": context.ContainerName = CaseYaml.Scalar(path, node); break;
                case "container_id": context.ContainerId = CaseYaml.Scalar(path, node); break;
                case "image": context.Image = CaseYaml.Scalar(path, node); break;
                case "namespace": context.PodNamespace = CaseYaml.Scalar(path, node); break;
                case "pod": context.PodName = CaseYaml.Scalar(path, node); break;
                case "pod_uid": context.PodUid = CaseYaml.Scalar(path, node); break;
                case "host" when CaseYaml.Boolean(path, node):
                    context.ContainerId = context.ContainerName = context.Image = "";
                    context.PodUid = context.PodNamespace = context.PodName = "";
                    break;
                default: break;
            }
        }
    }
}
