using System.Text.Json.Serialization;
using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities;

/// <summary>The stored state of one pod grain; every collection is bounded by <see cref="PodLimits"/> or <see cref="AlertOptions"/>.</summary>
public sealed class PodState : IAlertingState
{
    public string Cluster { get; set; } = "";

    public string Namespace { get; set; } = "";

    public string Pod { get; set; } = "";

    /// <summary>The node the pod's events last came from.</summary>
    public string Node { get; set; } = "";

    public Dictionary<string, ContainerRecord> Containers { get; set; } = new(StringComparer.Ordinal);

    public List<string> Images { get; set; } = [];

    /// <summary>The process tree by pid, stored compactly (<see cref="ProcessTreeJsonConverter"/>).</summary>
    [JsonConverter(typeof(ProcessTreeJsonConverter))]
    public Dictionary<uint, ProcessRecord> Processes { get; set; } = [];

    public List<ConnectionRecord> Connections { get; set; } = [];

    public List<Alert> Alerts { get; set; } = [];

    /// <summary>A counter that orders insertions across the bounded collections, for oldest-first eviction.</summary>
    public long NextOrder { get; set; }

    /// <summary>The last batch applied per sender incarnation (<see cref="AppliedBatches"/>).</summary>
    public Dictionary<string, AppliedBatch> AppliedBatches { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The node and time of the pod's last announcement to its namespace.</summary>
    public string AnnouncedNode { get; set; } = "";

    public DateTimeOffset? AnnouncedAt { get; set; }

    /// <summary>The sequence of the last alert summary sent to the node.</summary>
    public long ReportSequence { get; set; }

    /// <summary>Shared instances for the strings the state keeps from events; not stored.</summary>
    [JsonIgnore]
    public StringReuse Strings { get; } = new();

    /// <summary>Shared arrays for the argument lists the state keeps from events; not stored.</summary>
    [JsonIgnore]
    public ArgumentsReuse Arguments => _arguments ??= new ArgumentsReuse(Strings);

    /// <summary>Shared instances for the processes of the evidence the state keeps while it waits; not stored.</summary>
    [JsonIgnore]
    public EvidenceReuse Evidence => _evidence ??= new EvidenceReuse(Strings, Arguments);

    private ArgumentsReuse? _arguments;

    private EvidenceReuse? _evidence;
}
