using Vigil.Grains.Alerts;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Api.Alerts;

/// <summary>One alert in full: the summary's fields, the evidence (first event and the latest ones), and its holder.</summary>
public sealed record AlertDetailView(
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
    IReadOnlyList<AlertEvidence> Evidence,
    AlertHolderView Holder)
{
    public static AlertDetailView Of(IndexedAlert indexed)
    {
        var a = indexed.Alert;
        return new(
            a.Id, a.RuleId, a.Title, a.Severity.ToString(), a.Tactic, a.Technique, a.Cluster, a.Namespace, a.Pod,
            a.Container, a.Node, a.ServiceAccount, a.FirstSeen, a.LastSeen, a.Count, a.Status.ToString(), a.Evidence,
            new AlertHolderView(indexed.GrainType, indexed.GrainKey));
    }
}
