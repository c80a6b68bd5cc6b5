using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection;

/// <summary>
/// The catalogue the rule set under grains/rules is compiled against: runtime and audit fields in one, because
/// one load takes every rule file whatever its source, and a rule's <c>source</c> decides which events it sees.
/// <c>cluster.name</c> is the one field both kinds of event carry, so it belongs to no single source.
/// </summary>
public static class DetectionFields
{
    public static FieldCatalogue<DetectionEvent> Create() =>
        AuditEventFields.Register(RuntimeEventFields.Register(new FieldCatalogue<DetectionEvent>()))
            .AddString("cluster.name", e => EventValues.NullIfEmpty(e.Runtime?.Context?.Cluster ?? e.Audit?.Cluster));
}
