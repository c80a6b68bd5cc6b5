namespace Vigil.Grains.Topology;

/// <summary>The stored state of a namespace grain: its pods by name and its service accounts, bounded.</summary>
public sealed class NamespaceState
{
    public string Cluster { get; set; } = "";

    public string Namespace { get; set; } = "";

    /// <summary>By pod name, at most <see cref="NamespaceGrain.MaxPods"/>; a name reused by a new pod points at the new uid.</summary>
    public Dictionary<string, PodEntry> Pods { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Service account names with when they last made a request, at most <see cref="NamespaceGrain.MaxServiceAccounts"/>.</summary>
    public Dictionary<string, DateTimeOffset> ServiceAccounts { get; set; } = new(StringComparer.Ordinal);
}
