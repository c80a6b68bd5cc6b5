namespace Vigil.Silo.Admission;

/// <summary>
/// An image reference split the way the container runtime resolves it: a first path component is a registry only
/// when it looks like a host (a dot, a port, or localhost), otherwise the image is Docker Hub's, and a one-part name
/// lives under <c>library/</c>.
/// </summary>
public sealed record ContainerImage(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary><c>registry/repository</c>, the form registry allow-lists are matched against.</summary>
    public string Location => $"{Registry}/{Repository}";

    public static ContainerImage Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var rest = reference.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && rest[..slash] is var host && (host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || host == "localhost"))
        {
            return new ContainerImage(host.ToLowerInvariant(), rest[(slash + 1)..], tag, digest);
        }
        return new ContainerImage("docker.io", slash < 0 ? $"library/{rest}" : rest, tag, digest);
    }

    /// <summary>True when the image comes from <paramref name="allowed"/>: a registry, or a registry and repository prefix.</summary>
    public bool ComesFrom(string allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var prefix = allowed.Trim().TrimEnd('/');
        return Location.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || Location.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
    }
}
