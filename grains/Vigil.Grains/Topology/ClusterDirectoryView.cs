namespace Vigil.Grains.Topology;

public sealed record ClusterDirectoryView(string Cluster, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Nodes);
