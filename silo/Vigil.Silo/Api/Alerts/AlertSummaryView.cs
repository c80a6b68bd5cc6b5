using Vigil.Grains.Alerts;

namespace Vigil.Silo.Api.Alerts;

/// <summary>One alert in a list: everything but the evidence, and how much evidence there is.</summary>
public sealed record AlertSummaryView(
    string Id,
    string RuleId,
    string Title,
    string Severity,
    string Tactic,
    string Technique,
    string Cluster,
    string Namespace,
    string Pod,
    string Container,
    string Node,
    string ServiceAccount,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Count,
    string Status,
    int EvidenceCount)
{
    public static AlertSummaryView Of(Alert a) => new(
        a.Id, a.RuleId, a.Title, a.Severity.ToString(), a.Tactic, a.Technique, a.Cluster, a.Namespace, a.Pod, a.Container,
        a.Node, a.ServiceAccount, a.FirstSeen, a.LastSeen, a.Count, a.Status.ToString(), a.Evidence.Count);
}
