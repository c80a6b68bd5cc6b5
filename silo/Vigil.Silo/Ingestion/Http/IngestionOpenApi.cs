using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigil.Silo.OpenApi;

namespace Vigil.Silo.Ingestion.Http;

public static class IngestionOpenApi
{
    /// <summary>What the OpenAPI document says of an ingestion route: the body it takes and the answers every one of them shares.</summary>
    public static RouteHandlerBuilder Ingests(this RouteHandlerBuilder builder, string summary, string body) =>
        builder.WithTags("Ingestion")
            .WithSummary(summary)
            .WithDescription(body
                + " The body (Content-Encoding: gzip allowed) is read whole and every record parsed before anything is dispatched: one bad "
                + "record refuses the request and changes nothing. The 200 comes once every grain has committed its share.")
            .DocumentsBody<JsonElement>("The records, as their senders write them.", "application/json", "application/x-ndjson", "application/gzip")
            .Produces<IngestionResult>()
            .Produces<IngestionError>(StatusCodes.Status400BadRequest)
            .Produces<IngestionError>(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer(DescribeQueryAsync);

    /// <summary>The handlers bind dryRun and format as strings and parse them themselves, so their values are told here.</summary>
    private static Task DescribeQueryAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Description = parameter.Name switch
            {
                "dryRun" => "true or 1 parses and counts without dispatching, so a whole import can be checked before any of it is sent.",
                "format" => $"One of {AuditFormats.Names}: insists on one shape instead of recognising each record's (auto, the default).",
                _ => parameter.Description,
            };
        }
        return Task.CompletedTask;
    }
}
