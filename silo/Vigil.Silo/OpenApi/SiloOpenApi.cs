using Microsoft.OpenApi;

namespace Vigil.Silo.OpenApi;

/// <summary>
/// The OpenAPI document of the REST API, generated from the endpoints as mapped (so it cannot drift from them) and
/// served anonymously at <c>GET /openapi/v1.json</c>: outside <c>/api/</c>, the token middleware lets it through.
/// </summary>
public static class SiloOpenApi
{
    public const string DocumentName = "v1";

    public const string Route = "/openapi/{documentName}.json";

    public static IServiceCollection AddSiloOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // gRPC, health and readiness are not the REST API; the document describes what a token is needed for.
            options.ShouldInclude = description => IsApiPath(description.RelativePath);
            options.AddDocumentTransformer<BearerSchemeDocumentTransformer>();
            options.AddOperationTransformer<PathParameterOperationTransformer>();
            options.AddOperationTransformer<TokenRequirementOperationTransformer>();
            options.AddSchemaTransformer<EnumSchemaTransformer>();
            options.AddSchemaTransformer<NumberSchemaTransformer>();
        });

    public static void Map(WebApplication app) => app.MapOpenApi(Route);

    /// <summary>ApiExplorer's relative paths have no leading slash: <c>api/v1/alerts</c>.</summary>
    public static bool IsApiPath(string? relativePath) =>
        relativePath is not null && (relativePath.Equals("api", StringComparison.OrdinalIgnoreCase)
            || relativePath.StartsWith("api/", StringComparison.OrdinalIgnoreCase));
}
