namespace Vigil.Grains.Alerts;

/// <summary>What a node tells its cluster: the sum over its pods, whole and sequenced like <see cref="PodAlertSummary"/>.</summary>
public sealed record NodeAlertSummary(string Node, long Sequence, AlertCounts Counts);
