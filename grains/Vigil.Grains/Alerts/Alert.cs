using Vigil.Grains.Rules;

namespace Vigil.Grains.Alerts;

/// <summary>
/// One alert: what fired (rule and its metadata), on which entity, the evidence, and how often within its
/// de-duplication window. Immutable: an update replaces the record, so a caller holding one never sees it change.
/// </summary>
public sealed record Alert(
    string Id,
    string RuleId,
    string Title,
    Severity Severity,
    string Tactic,
    string Technique,
    string Cluster,
    string Namespace,
    string Pod,
    string Container,
    string Node,
    string ServiceAccount,
    IReadOnlyList<AlertEvidence> Evidence,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Count,
    AlertStatus Status);
