using System.Text.Json.Serialization;

namespace Vigil.Grains.Security;

/// <summary>
/// One token as the registry keeps it: the SHA-256 of the token, never the token itself. Tokens are 256 bits of
/// randomness, so a fast unsalted hash is enough: there is nothing to guess that a slow hash would protect.
/// <see cref="Cluster"/> is the one cluster the token works for; null for every cluster.
/// </summary>
public sealed record TokenRecord(
    string Id,
    string Name,
    TokenRole Role,
    string? Cluster,
    byte[] Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    [JsonIgnore]
    public bool IsActive => RevokedAt is null;
}
