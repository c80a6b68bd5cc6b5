namespace Vigil.Grains.Topology;

public sealed record NamespaceView(string Cluster, string Namespace, IReadOnlyList<PodEntry> Pods, IReadOnlyList<string> ServiceAccounts);
