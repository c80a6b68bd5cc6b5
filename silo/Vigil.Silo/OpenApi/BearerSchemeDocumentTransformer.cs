using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Silo.OpenApi;

/// <summary>The document's title and the <c>bearer</c> security scheme every operation refers to.</summary>
public sealed class BearerSchemeDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Vigil silo API",
            Version = SiloOpenApi.DocumentName,
            Description = "The REST API of a Vigil silo. Every operation needs 'Authorization: Bearer TOKEN'; each names the role "
                + $"it needs in '{TokenRequirementOperationTransformer.RoleExtension}' (admin always qualifies).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Vigil token ('vgl_' and 256 random bits) of role viewer, ingest or admin, optionally scoped to one cluster: "
                + "made at first start (credentials.json), or with POST /api/v1/tokens or 'vigil token create'.",
        };
        return Task.CompletedTask;
    }
}
