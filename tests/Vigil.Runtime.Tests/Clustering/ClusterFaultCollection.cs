namespace Vigil.Runtime.Tests.Clustering;

/// <summary>
/// The in-process fault tests run alone, one after another: each runs three silos under load on a 2-core machine,
/// and lease timings scaled down to seconds should meet the runtime, not the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterFaultCollection
{
    public const string Name = "cluster faults";
}
