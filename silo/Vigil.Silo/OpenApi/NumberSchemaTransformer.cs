using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Silo.OpenApi;

/// <summary>
/// Numbers as the API writes them: the web defaults the generator reads also accept numbers in strings, which it
/// reports as "integer or string with a pattern", but every answer carries plain JSON numbers.
/// </summary>
public sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
