using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Silo.Security;

/// <summary>The token format: <c>vgl_</c> and 32 random bytes in base64url, so a leaked one is easy to recognise in logs and scanners.</summary>
public static class BearerTokens
{
    public const string Prefix = "vgl_";

    /// <summary>Longer values are not ours; they are refused before hashing.</summary>
    public const int MaxLength = 128;

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short random id for listing and revoking; it says nothing about the token.</summary>
    public static string CreateId() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The token in an <c>Authorization</c> header value (<c>Bearer TOKEN</c>, scheme in any case); null when there is none.</summary>
    public static string? FromAuthorization(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var span = value.AsSpan().Trim();
        const string scheme = "Bearer ";
        if (span.Length <= scheme.Length || !span.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = span[scheme.Length..].Trim();
        return token.Length is 0 or > MaxLength ? null : token.ToString();
    }
}
