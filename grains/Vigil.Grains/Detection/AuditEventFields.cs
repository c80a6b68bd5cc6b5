using System.Net;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection;

/// <summary>
/// The fields audit rules name, bound to <see cref="AuditEvent"/>, spelt as Falco's k8saudit plugin spells them.
/// Every accessor returns null for a runtime event, and the fields are registered as audit-only (VR016). The
/// <c>ka.req.*</c> fields read the request object, which <see cref="DetectionEvent"/> parses once per event.
/// </summary>
public static class AuditEventFields
{
    public const string DecisionAnnotation = "authorization.k8s.io/decision";
    public const string ReasonAnnotation = "authorization.k8s.io/reason";

    public static FieldCatalogue<DetectionEvent> Register(FieldCatalogue<DetectionEvent> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.ForSource(RuleSource.Audit, c => RegisterRequest(c
            .AddString("ka.verb", e => EventValues.NullIfEmpty(e.Audit?.Verb))
            .AddString("ka.stage", e => EventValues.NullIfEmpty(e.Audit?.Stage))
            .AddString("ka.uri", e => EventValues.NullIfEmpty(e.Audit?.RequestUri))
            .AddString("ka.user.name", e => EventValues.NullIfEmpty(e.Audit?.User?.Username))
            .AddStringList("ka.user.groups", e => e.Audit?.User?.Groups)
            .AddString("ka.impuser.name", e => EventValues.NullIfEmpty(e.Audit?.ImpersonatedUser?.Username))
            .AddString("ka.target.resource", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Resource))
            .AddString("ka.target.subresource", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Subresource))
            .AddString("ka.target.namespace", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Namespace))
            .AddString("ka.target.name", e => EventValues.NullIfEmpty(e.Audit?.ObjectRef?.Name))
            .AddString("ka.useragent", e => EventValues.NullIfEmpty(e.Audit?.UserAgent))
            .AddStringList("ka.sourceips", e => e.Audit?.SourceIps)
            .AddIpAddress("ka.sourceip", e => FirstAddress(e.Audit))
            .AddInteger("ka.response.code", e => e.Audit is { } a && a.ResponseCode != 0 ? a.ResponseCode : null)
            .AddString("ka.auth.decision", e => Annotation(e.Audit, DecisionAnnotation))
            .AddString("ka.auth.reason", e => Annotation(e.Audit, ReasonAnnotation))));
    }

    private static FieldCatalogue<DetectionEvent> RegisterRequest(FieldCatalogue<DetectionEvent> c) => c
        .AddStringList("ka.req.pod.containers.image", e => e.Request?.Pod?.Images is { Count: > 0 } images ? images : null)
        .AddBoolean("ka.req.pod.containers.privileged", e => e.Request?.Pod?.Privileged)
        .AddStringList("ka.req.pod.containers.add_capabilities", e => e.Request?.Pod?.AddedCapabilities)
        .AddStringList("ka.req.pod.volumes.hostpath", e => e.Request?.Pod?.HostPaths)
        .AddBoolean("ka.req.pod.host_network", e => e.Request?.Pod?.HostNetwork)
        .AddBoolean("ka.req.pod.host_pid", e => e.Request?.Pod?.HostPid)
        .AddBoolean("ka.req.pod.host_ipc", e => e.Request?.Pod?.HostIpc)
        .AddStringList("ka.req.role.rules.verbs", e => e.Request?.Role?.Verbs)
        .AddStringList("ka.req.role.rules.resources", e => e.Request?.Role?.Resources)
        .AddStringList("ka.req.role.rules.grants", e => e.Request?.Role?.Grants)
        .AddString("ka.req.binding.role", e => e.Request?.Binding?.Role)
        .AddString("ka.req.binding.role.kind", e => e.Request?.Binding?.RoleKind)
        .AddStringList("ka.req.binding.subjects", e => e.Request?.Binding?.Subjects)
        .AddString("ka.req.service.type", e => e.Request?.Service?.Type)
        .AddStringList("ka.req.service.ports", e => e.Request?.Service?.Ports)
        .AddStringList("ka.req.service.selector", e => e.Request?.Service?.Selector)
        .AddString("ka.req.name", e => e.Request?.ObjectName)
        .AddString("ka.req.configmap.name", e => e.Audit?.ObjectRef?.Resource == "configmaps" ? e.Request?.ObjectName : null)
        .AddStringList("ka.req.exec.command", e => e.Request?.ExecCommand);

    private static string? Annotation(AuditEvent? audit, string key) =>
        audit is not null && audit.Annotations.TryGetValue(key, out var value) ? EventValues.NullIfEmpty(value) : null;

    /// <summary>The first address that parses: the client as the API server saw it, before any proxies it names.</summary>
    private static IPAddress? FirstAddress(AuditEvent? audit)
    {
        if (audit is null)
        {
            return null;
        }
        foreach (var text in audit.SourceIps)
        {
            if (IPAddress.TryParse(text, out var address))
            {
                return address;
            }
        }
        return null;
    }
}
