using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection;

/// <summary>
/// The catalogue the rule set under grains/rules is compiled against: runtime and audit fields in one, because
/// one load takes every rule file whatever its source, and a rule's <c>source</c> decides which events it sees.
/// </summary>
public static class DetectionFields
{
    public static FieldCatalogue<DetectionEvent> Create() =>
        AuditEventFields.Register(RuntimeEventFields.Register(new FieldCatalogue<DetectionEvent>()));
}
