namespace Vigil.Grains.Alerts;

/// <summary>The API-server request behind an audit alert, as the audit record told it.</summary>
public sealed record AuditEvidence(
    string AuditId,
    string Stage,
    string Verb,
    string User,
    string ImpersonatedUser,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    string UserAgent,
    IReadOnlyList<string> SourceIps,
    int ResponseCode,
    string RequestUri);
