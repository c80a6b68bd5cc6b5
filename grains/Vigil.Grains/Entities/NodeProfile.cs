using Vigil.Grains.Alerts;
using Vigil.Grains.Identities;

namespace Vigil.Grains.Entities;

/// <summary>A node at a glance: its sensors' health, what its host processes did, and its alerts with its pods'.</summary>
public sealed record NodeProfile(
    string Cluster,
    string Node,
    IReadOnlyList<SensorReport> Sensors,
    IReadOnlyDictionary<string, SeenValue> HostExecutables,
    IReadOnlyDictionary<string, long> HostEventsByType,
    DateTimeOffset? LastHostEventAt,
    int Pods,
    AlertCounts Alerts);
