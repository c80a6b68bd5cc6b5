using Microsoft.OpenApi;

namespace Vigil.Silo.OpenApi;

public static class RequestBodyDocumentation
{
    /// <summary>
    /// Documents the request body as <typeparamref name="T"/> in these media types. Not with <c>Accepts</c>: its
    /// metadata takes part in routing, so a request of another Content-Type would meet a 415 endpoint (which, under
    /// /api/, the token check treats as undeclared and so admin-only), while these handlers read the body whatever
    /// its Content-Type says (curl -d sends form encoding; gzip exports come as application/gzip or octet-stream).
    /// </summary>
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, string description, params string[] contentTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(contentTypes);
        return builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            // The generator calls every constructor parameter required, but these bodies are checked by hand and the
            // description says what each needs (a token request's cluster may be left out).
            schema.Required = null;
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
            };
        });
    }
}
