namespace Vigil.Grains.Alerts;

/// <summary>
/// What a pod tells its node: the whole current count, not a change, so a lost or repeated report cannot skew the
/// totals; <see cref="Sequence"/> lets the node ignore a report older than one it already has.
/// </summary>
public sealed record PodAlertSummary(string Cluster, string Node, string PodKey, long Sequence, AlertCounts Counts);
