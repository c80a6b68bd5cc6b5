using Vigil.Grains.Security;

namespace Vigil.Silo.Security;

/// <summary>What <c>POST /api/v1/tokens</c> accepts; every refusal says what is wrong.</summary>
public static class TokenCreateValidation
{
    public const int MaxNameLength = 100;

    /// <summary>The longest DNS name, which is as long as a cluster name gets anywhere we know.</summary>
    public const int MaxClusterLength = 253;

    public static string? Validate(TokenCreateRequest? request, out TokenRole role)
    {
        role = default;
        if (request is null)
        {
            return "The body must be a JSON object: {\"name\": \"...\", \"role\": \"viewer|ingest|admin\", \"cluster\": \"...\"}.";
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength || request.Name.Any(char.IsControl))
        {
            return $"name must be 1 to {MaxNameLength} characters with no control characters.";
        }

        if (!TokenRoles.TryParse(request.Role, out role))
        {
            return $"role '{request.Role}' is not one of viewer, ingest, admin.";
        }

        // A cluster appears in routes (/api/v1/clusters/{cluster}/...), so it must be one path segment.
        if (request.Cluster is { } cluster
            && (cluster.Length is 0 or > MaxClusterLength || cluster.Any(c => c == '/' || char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            return $"cluster '{cluster}' must be 1 to {MaxClusterLength} characters with no '/', spaces or control characters.";
        }

        return null;
    }
}
