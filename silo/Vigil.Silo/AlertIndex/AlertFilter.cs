using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;

namespace Vigil.Silo.AlertIndex;

/// <summary>
/// Which alerts a query or a live stream wants. Each list is "any of"; an empty list does not filter. The index turns
/// it into SQL (<see cref="AlertSql"/>); the stream applies <see cref="Matches"/> to each alert as it comes.
/// </summary>
public sealed record AlertFilter
{
    public IReadOnlyList<string> Clusters { get; init; } = [];

    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public IReadOnlyList<string> Rules { get; init; } = [];

    public IReadOnlyList<Severity> Severities { get; init; } = [];

    public Severity? MinimumSeverity { get; init; }

    public IReadOnlyList<AlertStatus> Statuses { get; init; } = [];

    /// <summary>Alerts last seen at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    public bool Matches(Alert alert) =>
        (Clusters.Count == 0 || Clusters.Contains(alert.Cluster, StringComparer.Ordinal))
        && (Namespaces.Count == 0 || Namespaces.Contains(alert.Namespace, StringComparer.Ordinal))
        && (Rules.Count == 0 || Rules.Contains(alert.RuleId, StringComparer.Ordinal))
        && (Severities.Count == 0 || Severities.Contains(alert.Severity))
        && (MinimumSeverity is not { } minimum || alert.Severity >= minimum)
        && (Statuses.Count == 0 || Statuses.Contains(alert.Status))
        && (Since is not { } since || alert.LastSeen >= since);
}
