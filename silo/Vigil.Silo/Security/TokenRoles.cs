using Vigil.Grains.Security;

namespace Vigil.Silo.Security;

/// <summary>Roles as the API and the command line spell them: viewer, ingest, admin.</summary>
public static class TokenRoles
{
    public static string Name(TokenRole role) => role switch
    {
        TokenRole.Viewer => "viewer",
        TokenRole.Ingest => "ingest",
        TokenRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out TokenRole role)
    {
        foreach (var candidate in Enum.GetValues<TokenRole>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
