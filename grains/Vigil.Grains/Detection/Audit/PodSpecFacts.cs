using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>
/// The security-relevant parts of a pod spec, across containers, initContainers and ephemeralContainers alike:
/// an attacker puts the privileged container wherever it is least looked at.
/// </summary>
public sealed class PodSpecFacts
{
    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    public required IReadOnlyList<string> Images { get; init; }

    /// <summary>Some container asks for privileged mode.</summary>
    public required bool Privileged { get; init; }

    /// <summary>hostPath volume paths, without a trailing slash, so <c>/etc/</c> reads as <c>/etc</c>.</summary>
    public required IReadOnlyList<string> HostPaths { get; init; }

    /// <summary>Capabilities some container adds, upper case without the CAP_ prefix.</summary>
    public required IReadOnlyList<string> AddedCapabilities { get; init; }

    public required bool HostNetwork { get; init; }

    public required bool HostPid { get; init; }

    public required bool HostIpc { get; init; }

    public static PodSpecFacts? Read(JsonElement spec)
    {
        if (spec.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var images = new List<string>();
        var capabilities = new List<string>();
        var privileged = false;
        foreach (var list in ContainerLists)
        {
            foreach (var container in Json.Items(spec, list))
            {
                if (Json.String(container, "image") is { } image)
                {
                    images.Add(image);
                }
                var context = Json.Child(container, "securityContext");
                privileged |= Json.Boolean(context, "privileged") == true;
                foreach (var capability in Json.Items(Json.Child(context, "capabilities"), "add"))
                {
                    if (capability.ValueKind == JsonValueKind.String && capability.GetString() is { Length: > 0 } name)
                    {
                        var upper = name.ToUpperInvariant();
                        capabilities.Add(upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper);
                    }
                }
            }
        }
        var paths = new List<string>();
        foreach (var volume in Json.Items(spec, "volumes"))
        {
            if (Json.String(Json.Child(volume, "hostPath"), "path") is { } path)
            {
                paths.Add(path.Length > 1 ? path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/" : path);
            }
        }
        return new PodSpecFacts
        {
            Images = images,
            Privileged = privileged,
            HostPaths = paths,
            AddedCapabilities = capabilities,
            HostNetwork = Json.Boolean(spec, "hostNetwork") == true,
            HostPid = Json.Boolean(spec, "hostPID") == true,
            HostIpc = Json.Boolean(spec, "hostIPC") == true,
        };
    }
}
