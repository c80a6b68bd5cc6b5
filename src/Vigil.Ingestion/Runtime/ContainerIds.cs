namespace Vigil.Ingestion.Runtime;

/// <summary>Container ids as the event model keeps them: without the runtime scheme, empty for the host.</summary>
internal static class ContainerIds
{
    public static string Normalise(string id)
    {
        var scheme = id.IndexOf("://", StringComparison.Ordinal);
        var bare = scheme < 0 ? id : id[(scheme + 3)..];
        // Falco says "host" for a process outside any container.
        return bare == "host" ? "" : bare;
    }

    /// <summary>The "sha256:…" part of an image id such as "docker.io/library/nginx@sha256:…".</summary>
    public static string Digest(string imageId)
    {
        var at = imageId.IndexOf("sha256:", StringComparison.Ordinal);
        return at < 0 ? "" : imageId[at..];
    }
}
