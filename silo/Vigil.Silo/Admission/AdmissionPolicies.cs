namespace Vigil.Silo.Admission;

/// <summary>The policy names, as configured (<c>Admission:Policies:privileged:Mode</c>) and as warnings and denials name them.</summary>
public static class AdmissionPolicies
{
    public const string Privileged = "privileged";
    public const string HostPath = "host-path";
    public const string HostNamespaces = "host-namespaces";
    public const string RunAsRoot = "run-as-root";
    public const string AddedCapabilities = "added-capabilities";
    public const string ImageTag = "image-tag";
    public const string ResourceLimits = "resource-limits";
    public const string AllowedRegistries = "allowed-registries";

    public static readonly IReadOnlyList<string> All =
        [Privileged, HostPath, HostNamespaces, RunAsRoot, AddedCapabilities, ImageTag, ResourceLimits, AllowedRegistries];
}
