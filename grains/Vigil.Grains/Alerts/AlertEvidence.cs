namespace Vigil.Grains.Alerts;

/// <summary>
/// One event that made an alert fire, copied out of the wire message so that stored alerts do not depend on
/// protobuf serialisation. An audit event's evidence has no process: its
/// request is in <see cref="Audit"/>. <see cref="Ancestors"/> is nearest first, as the sensor sent it and extended from the
/// pod's process tree when the sensor knew fewer generations.
/// </summary>
public sealed record AlertEvidence(
    string EventType,
    DateTimeOffset Time,
    EvidenceProcess Process,
    IReadOnlyList<EvidenceProcess> Ancestors,
    string Detail,
    int Errno,
    string Output,
    AuditEvidence? Audit = null);
