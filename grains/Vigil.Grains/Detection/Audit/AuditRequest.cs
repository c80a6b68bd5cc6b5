using System.Text.Json;
using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Detection.Audit;

/// <summary>
/// What the audit rules read out of one event's logged request object, parsed once, on the first rule that asks,
/// and then kept as plain values (the JSON document is released at once). Only the resources some rule looks into
/// are parsed at all: the bulk of audit traffic (gets, lists, watches, leases) carries no body, and a body of an
/// uninteresting kind is never read.
/// </summary>
public sealed class AuditRequest
{
    public static readonly AuditRequest Empty = new();

    private AuditRequest()
    {
    }

    /// <summary>The pod spec of a pod or of a workload controller's template; null when the request has none.</summary>
    public PodSpecFacts? Pod { get; private init; }

    public RoleRuleFacts? Role { get; private init; }

    public BindingFacts? Binding { get; private init; }

    public ServiceFacts? Service { get; private init; }

    /// <summary>metadata.name of the object in the body (a create's objectRef often has no name).</summary>
    public string? ObjectName { get; private init; }

    /// <summary>The command of an exec: from the request object where the log has one, else from the URI.</summary>
    public IReadOnlyList<string>? ExecCommand { get; private init; }

    public static AuditRequest Parse(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var resource = audit.ObjectRef?.Resource ?? "";
        var subresource = audit.ObjectRef?.Subresource ?? "";
        var kind = RequestKinds.Of(resource, subresource);
        if (kind == RequestKind.None)
        {
            return Empty;
        }
        if (audit.RequestObjectJson.IsEmpty)
        {
            return kind == RequestKind.Exec ? new AuditRequest { ExecCommand = ExecCommands.FromUri(audit.RequestUri) } : Empty;
        }
        try
        {
            using var document = JsonDocument.Parse(audit.RequestObjectJson.Memory);
            return From(kind, resource, document.RootElement, audit.RequestUri);
        }
        catch (JsonException)
        {
            // A truncated or hand-mangled body says nothing the rules could trust; the metadata still counts.
            return kind == RequestKind.Exec ? new AuditRequest { ExecCommand = ExecCommands.FromUri(audit.RequestUri) } : Empty;
        }
    }

    private static AuditRequest From(RequestKind kind, string resource, JsonElement root, string uri)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return kind == RequestKind.Exec ? new AuditRequest { ExecCommand = ExecCommands.FromUri(uri) } : Empty;
        }
        var name = Json.String(Json.Child(root, "metadata"), "name");
        return kind switch
        {
            RequestKind.Workload => new AuditRequest { Pod = PodSpecFacts.Read(PodSpecs.Locate(resource, root)), ObjectName = name },
            RequestKind.Role => new AuditRequest { Role = RoleRuleFacts.Read(root), ObjectName = name },
            RequestKind.Binding => new AuditRequest { Binding = BindingFacts.Read(root), ObjectName = name },
            RequestKind.Service => new AuditRequest { Service = ServiceFacts.Read(root), ObjectName = name },
            RequestKind.Exec => new AuditRequest { ExecCommand = ExecCommands.FromBody(root) ?? ExecCommands.FromUri(uri) },
            _ => new AuditRequest { ObjectName = name },
        };
    }
}
