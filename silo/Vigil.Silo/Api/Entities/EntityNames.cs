using Vigil.Silo.Ingestion.Http;

namespace Vigil.Silo.Api.Entities;

/// <summary>Route values that name Kubernetes objects: a bad one gets a 400 instead of a grain activated for it.</summary>
public static class EntityNames
{
    /// <summary>Kubernetes names are DNS subdomains: at most 253 characters, and never contain '/'.</summary>
    public const int MaxLength = 253;

    public static IResult? Problem(string cluster, params (string What, string Value)[] names)
    {
        if (ClusterNames.Problem(cluster) is { } clusterProblem)
        {
            return Error(clusterProblem);
        }
        foreach (var (what, value) in names)
        {
            if (value.Length == 0 || value.Length > MaxLength || value.Contains('/', StringComparison.Ordinal) || value.Any(char.IsControl))
            {
                return Error($"'{value}' is not a {what} name: 1 to {MaxLength} characters, no '/' or control characters");
            }
        }
        return null;
    }

    public static IResult NotFound(string message) => Results.Json(new { error = message }, EntityJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static IResult Error(string message) => Results.Json(new { error = message }, EntityJson.Options, statusCode: StatusCodes.Status400BadRequest);
}
