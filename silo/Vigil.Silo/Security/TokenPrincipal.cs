using Vigil.Grains.Security;

namespace Vigil.Silo.Security;

/// <summary>Who presented a valid token: the token's id and name, its role, and the one cluster it is scoped to (null for all).</summary>
public sealed record TokenPrincipal(string TokenId, string Name, TokenRole Role, string? Cluster)
{
    /// <summary>
    /// Whether this token may do what needs <paramref name="required"/> for <paramref name="cluster"/> (null: a request
    /// about no one cluster). Admin may do everything; a scoped token works only for requests naming its cluster.
    /// </summary>
    public bool Allows(TokenRole required, string? cluster) =>
        (Role == TokenRole.Admin || Role == required)
        && (Cluster is null || string.Equals(Cluster, cluster, StringComparison.Ordinal));
}
