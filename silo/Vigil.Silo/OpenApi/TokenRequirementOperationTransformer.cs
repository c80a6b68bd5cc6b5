using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigil.Grains.Security;
using Vigil.Silo.Security;

namespace Vigil.Silo.OpenApi;

/// <summary>
/// Writes into each operation what <see cref="TokenAuthenticationMiddleware"/> will enforce, read from the same
/// <see cref="TokenRequirement"/> metadata: the bearer scheme, the role (<c>x-vigil-role</c> and a sentence of the
/// description), whether a cluster-scoped token qualifies, and the 401 and 403 answers.
/// </summary>
public sealed class TokenRequirementOperationTransformer : IOpenApiOperationTransformer
{
    public const string RoleExtension = "x-vigil-role";

    /// <summary>The path parameter a cluster-scoped token must match; absent when only a token for every cluster qualifies.</summary>
    public const string ClusterParameterExtension = "x-vigil-cluster-parameter";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        // The middleware reads the last one (GetMetadata), so a route's own requirement beats its group's.
        var requirement = context.Description.ActionDescriptor.EndpointMetadata.OfType<TokenRequirement>().LastOrDefault()
            ?? TokenRequirement.Undeclared;
        var role = TokenRoles.Name(requirement.Role);
        var clusterParameter = requirement.ClusterRouteParameter is { } parameter
            && context.Description.RelativePath?.Contains($"{{{parameter}}}", StringComparison.Ordinal) == true ? parameter : null;

        var document = context.Document ?? throw new InvalidOperationException("The operation has no document to refer to.");
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RoleExtension] = new JsonNodeExtension(JsonValue.Create(role));
        if (clusterParameter is not null)
        {
            operation.Extensions[ClusterParameterExtension] = new JsonNodeExtension(JsonValue.Create(clusterParameter));
        }
        var scope = clusterParameter is null
            ? "a token scoped to one cluster is refused here"
            : $"a token scoped to one cluster qualifies when it is the {{{clusterParameter}}} of the path";
        var needs = requirement.Role == TokenRole.Admin
            ? $"Needs an admin token; {scope}."
            : $"Needs a {role} token (or admin); {scope}.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description}\n\n{needs}";

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeDocumentTransformer.SchemeName, document)] = [] },
        ];
        // One shared component rather than a copy of the refusal's schema in every operation.
        var components = document.Components ??= new OpenApiComponents();
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!components.Schemas.ContainsKey(nameof(ApiError)))
        {
            components.Schemas[nameof(ApiError)] = await context.GetOrCreateSchemaAsync(typeof(ApiError), null, cancellationToken);
        }
        var error = new OpenApiSchemaReference(nameof(ApiError), document);
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Refusal("No token, or an unknown or revoked one (with WWW-Authenticate: Bearer).", error));
        operation.Responses.TryAdd("403", Refusal($"A token of a weaker role than {role}, or scoped to another cluster.", error));
    }

    private static OpenApiResponse Refusal(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };
}
