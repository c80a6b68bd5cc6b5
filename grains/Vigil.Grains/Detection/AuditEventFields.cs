using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection;

/// <summary>
/// The fields audit rules name, bound to <see cref="AuditEvent"/>, spelt as Falco's k8saudit plugin spells them.
/// Every accessor returns null for a runtime event, and the fields are registered as audit-only (VR016).
/// </summary>
public static class AuditEventFields
{
    public static FieldCatalogue<DetectionEvent> Register(FieldCatalogue<DetectionEvent> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.ForSource(RuleSource.Audit, c => c
            .AddString("ka.verb", e => EventValues.NullIfEmpty(e.Audit?.Verb))
            .AddString("ka.stage", e => EventValues.NullIfEmpty(e.Audit?.Stage))
            .AddString("ka.user.name", e => EventValues.NullIfEmpty(e.Audit?.User?.Username))
            .AddStringList("ka.user.groups", e => e.Audit?.User?.Groups)
            .AddString("ka.impuser.name", e => EventValues.NullIfEmpty(e.Audit?.ImpersonatedUser?.Username))
            .AddString("ka.target.resource", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Resource))
            .AddString("ka.target.subresource", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Subresource))
            .AddString("ka.target.namespace", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Namespace))
            .AddString("ka.target.name", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Name))
            .AddString("ka.useragent", e => EventValues.NullIfEmpty(e.Audit?.UserAgent))
            .AddStringList("ka.sourceips", e => e.Audit?.SourceIps)
            .AddInteger("ka.response.code", e => e.Audit is { } a && a.ResponseCode != 0 ? a.ResponseCode : null));
    }
}
