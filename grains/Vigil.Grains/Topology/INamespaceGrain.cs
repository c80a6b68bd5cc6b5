using Vigil.Runtime;

namespace Vigil.Grains.Topology;

/// <summary>
/// One namespace, keyed <c>cluster/namespace</c>: the directory that turns a pod's name into its grain (pods are
/// keyed by uid) and lists the namespace's service accounts. Pods and accounts announce themselves one way.
/// </summary>
[GrainType("vigil.namespace")]
public interface INamespaceGrain : IGrainWithStringKey
{
    [OneWay]
    Task NotePodAsync(PodSighting sighting);

    [OneWay]
    Task NoteServiceAccountAsync(string name, DateTimeOffset seenAt);

    Task<PodEntry?> FindPodAsync(string name);

    Task<NamespaceView> GetAsync();
}
