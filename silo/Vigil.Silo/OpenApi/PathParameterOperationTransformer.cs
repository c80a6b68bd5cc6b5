using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Silo.OpenApi;

/// <summary>
/// Declares every <c>{name}</c> of the path as a required string parameter. Handlers that read route values from
/// the <see cref="HttpContext"/> (the alerts under <c>/clusters/{cluster}</c>) do not bind them, so the generator
/// leaves them out, and OpenAPI calls a path whose template names an undeclared parameter invalid.
/// </summary>
public sealed class PathParameterOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Parameters ??= [];
        var position = 0;
        foreach (var name in Names(context.Description.RelativePath ?? ""))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                // In path order, before the query parameters, as the generator places the ones it knows.
                operation.Parameters.Insert(Math.Min(position, operation.Parameters.Count), new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            position++;
        }
        return Task.CompletedTask;
    }

    /// <summary>The parameter names of a route template, without constraints or defaults (<c>{id:int}</c> is <c>id</c>).</summary>
    public static IEnumerable<string> Names(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var segment in template.Split('/'))
        {
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                yield return segment[1..^1].TrimStart('*').Split(':', '=', '?')[0];
            }
        }
    }
}
