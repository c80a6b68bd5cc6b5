using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities;

/// <summary>The last counts one reporter (a pod to its node, a node to its cluster) sent, and when, for eviction.</summary>
public sealed record ReportedCounts(long Sequence, AlertCounts Counts, long Order);
