namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// Which cluster names the endpoints take. Grain keys are <c>cluster/…</c> and split back on '/', so a name must not
/// hold one; the charset of DNS labels and cloud cluster names (AKS, EKS, GKE) covers every real name.
/// </summary>
public static class ClusterNames
{
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="cluster"/> cannot name a cluster; null when it can.</summary>
    public static string? Problem(string? cluster)
    {
        if (string.IsNullOrEmpty(cluster))
        {
            return "the cluster name is empty";
        }
        if (cluster.Length > MaxLength)
        {
            return $"the cluster name is {cluster.Length} characters long; at most {MaxLength} are allowed";
        }
        if (!char.IsAsciiLetterOrDigit(cluster[0]))
        {
            return $"the cluster name '{Printable(cluster)}' must start with a letter or digit";
        }
        foreach (var c in cluster)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return $"the cluster name '{Printable(cluster)}' holds '{Printable(c.ToString())}'; only letters, digits, '-', '_' and '.' are allowed";
            }
        }
        return null;
    }

    // The name comes back in an error message: control characters would make it unreadable or forge log lines.
    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
