using System.Net;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// The detector-level baseline for <c>vigil.runtime.cloud-metadata-access</c>: which processes of an image reach the
/// metadata service as part of normal operation. The rule still decides what is a metadata access; this only says
/// which of its matches are normal for the workload. The endpoints below mirror the rule's list; an endpoint the
/// rule gains and this list lacks is simply never judged normal, so the rule's alert stands.
/// </summary>
public static class CloudMetadata
{
    public const string RuleId = "vigil.runtime.cloud-metadata-access";

    private static readonly IPAddress[] Addresses =
        [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("fd00:ec2::254"), IPAddress.Parse("100.100.100.200")];

    public static bool IsAccess(RuntimeEvent value) => value.KindCase switch
    {
        RuntimeEvent.KindOneofCase.Connect => EventValues.Address(value.Connect.DestinationAddress) is { } address
            && Addresses.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address),
        RuntimeEvent.KindOneofCase.Dns => value.Dns.Query.TrimEnd('.').Equals("metadata.google.internal", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The caller and its parent, by path: a chain the image learned is normal only from the same parent.</summary>
    public static string Chain(RuntimeEvent value) =>
        $"{value.Process?.Binary} < {(value.Ancestors.Count > 0 ? value.Ancestors[0].Binary : "")}";

    /// <summary>
    /// Whether the caller may be found normal at all. Shells, download tools and interpreters running inline code
    /// are how a person (or a web shell) reaches the metadata service by hand; they are never learned, so their
    /// accesses always raise the rule's alert.
    /// </summary>
    public static bool MayBeNormal(RuntimeEvent value) =>
        value.Process is { } process && process.Binary.Length > 0
        && !ProcessNames.IsShell(process.Binary) && !ProcessNames.IsDownloadTool(process.Binary)
        && !ProcessNames.RunsInlineCode(process.Binary, process.Args);

    /// <summary>
    /// Whether this access may teach the image: the container is young (the workload's own start-up) and has raised
    /// no alert, so a compromised container does not teach its image that the attacker's tooling is normal.
    /// </summary>
    public static bool MayTeach(PodState state, ContainerRecord? container, RuntimeEvent value, DateTimeOffset now, DetectorOptions options)
    {
        if (container is not null && now - container.FirstSeen >= options.MetadataLearningWindow)
        {
            return false;
        }
        var name = value.Context?.ContainerName ?? "";
        return !state.Alerts.Any(a => a.Container == name && a.Status == Alerts.AlertStatus.Active);
    }
}
