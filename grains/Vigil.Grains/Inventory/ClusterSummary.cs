using Vigil.Grains.Alerts;

namespace Vigil.Grains.Inventory;

/// <summary>A cluster at a glance: where it runs, what it holds, how it is configured, and its active alerts.</summary>
public sealed record ClusterSummary(
    string Name,
    string Provider,
    DateTimeOffset? InventoryTakenAt,
    IReadOnlyDictionary<string, int> ObjectsByKind,
    IReadOnlyList<PostureFinding> Findings,
    bool FindingsTruncated,
    AlertCounts Alerts);
