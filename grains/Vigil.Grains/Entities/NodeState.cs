using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities;

/// <summary>The stored state of one node grain.</summary>
public sealed class NodeState : IAlertingState
{
    public string Cluster { get; set; } = "";

    public string Node { get; set; } = "";

    /// <summary>Latest counts by pod key, at most <see cref="NodeGrain.MaxPods"/>.</summary>
    public Dictionary<string, ReportedCounts> Pods { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Alerts on the node itself: host processes, outside any container.</summary>
    public List<Alert> Alerts { get; set; } = [];

    public HostActivity Host { get; set; } = new();

    /// <summary>The latest report of each sensor on the node, at most <see cref="NodeGrain.MaxSensors"/>.</summary>
    public Dictionary<string, SensorReport> Sensors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last batch applied per sender incarnation (<see cref="AppliedBatches"/>).</summary>
    public Dictionary<string, AppliedBatch> AppliedBatches { get; set; } = new(StringComparer.Ordinal);

    public long NextOrder { get; set; }

    /// <summary>The sequence of the last summary sent to the cluster.</summary>
    public long ReportSequence { get; set; }
}
