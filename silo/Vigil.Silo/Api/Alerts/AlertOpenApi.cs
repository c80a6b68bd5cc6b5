using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Api.Alerts;

/// <summary>
/// What the OpenAPI document says of the alert endpoints that read their own query string and body, so the handlers'
/// signatures do not show it. The parameters listed are <see cref="AlertQueryParser"/>'s keys: one it takes that is
/// not described here fails the document rather than going missing from it.
/// </summary>
public static class AlertOpenApi
{
    private const string ListNote = " Repeat the parameter or separate values with commas.";

    public static Task ListParametersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        AddParameters(operation, context, AlertQueryParser.ListKeys);

    public static Task StreamParametersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        AddParameters(operation, context, AlertQueryParser.StreamKeys);

    /// <summary>The PATCH body, which <see cref="AlertStatusRequest"/> parses by hand: one property, a status by name.</summary>
    public static Task StatusBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var status = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The new status, case-insensitive.",
            Enum = [.. System.Enum.GetNames<AlertStatus>().Select(n => (JsonNode)JsonValue.Create(n.ToLowerInvariant()))],
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"Only the status can change; the body is at most {AlertStatusRequest.MaxBytes} bytes.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "status" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["status"] = status },
                        AdditionalPropertiesAllowed = false,
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static Task AddParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Parameters ??= [];
        foreach (var key in keys)
        {
            var (description, schema) = Describe(key);
            if (context.Description.RelativePath?.Contains($"{{{key}}}", StringComparison.Ordinal) == true)
            {
                // The path fixes it (cluster on /clusters/{cluster}/alerts); the query may only repeat it, and one name in two places confuses clients.
                continue;
            }
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = key,
                In = ParameterLocation.Query,
                Description = description,
                Schema = schema,
                Style = ParameterStyle.Form,
                Explode = true,
            });
        }
        return Task.CompletedTask;
    }

    private static (string Description, OpenApiSchema Schema) Describe(string key) => key switch
    {
        "cluster" => ("Alerts of these clusters; on a cluster's path it may only repeat that cluster." + ListNote, Strings()),
        "namespace" => ("Alerts in these Kubernetes namespaces (exact)." + ListNote, Strings()),
        "rule" => ("Alerts raised by these rule ids (exact)." + ListNote, Strings()),
        "severity" => ("Alerts of these severities, case-insensitive." + ListNote, Strings(Names<Severity>())),
        "minSeverity" => ("Alerts of this severity or higher, case-insensitive.", Enum(Names<Severity>())),
        "status" => ("Alerts in these statuses, case-insensitive." + ListNote, Strings(Names<AlertStatus>())),
        "since" => ("Alerts last seen at or after this ISO 8601 instant, e.g. 2026-01-31T12:00:00Z (no offset means UTC).",
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }),
        "limit" => ($"Alerts per page, 1 to {AlertQuery.MaxLimit}.", Integer(1, AlertQuery.MaxLimit, AlertQuery.DefaultLimit)),
        "offset" => ("Alerts to skip; not with cursor.", Integer(0, null, 0)),
        "cursor" => ("nextCursor of the previous page, unchanged, with the same sort and order; not with offset.",
            new OpenApiSchema { Type = JsonSchemaType.String }),
        "sort" => ("What the page is ordered by, case-insensitive; ties by alert id.", Enum(Names<AlertSort>(), nameof(AlertSort.LastSeen))),
        "order" => ("Descending or ascending, case-insensitive.", Enum([JsonValue.Create("desc"), JsonValue.Create("asc")], "desc")),
        _ => throw new InvalidOperationException($"The alert query parameter '{key}' is not described for the OpenAPI document."),
    };

    private static List<JsonNode> Names<T>()
        where T : struct, System.Enum => [.. System.Enum.GetNames<T>().Select(n => (JsonNode)JsonValue.Create(n))];

    private static OpenApiSchema Strings(List<JsonNode>? values = null) => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values },
    };

    private static OpenApiSchema Enum(List<JsonNode> values, string? fallback = null) => new()
    {
        Type = JsonSchemaType.String,
        Enum = values,
        Default = fallback is null ? null : JsonValue.Create(fallback),
    };

    private static OpenApiSchema Integer(int minimum, int? maximum, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };
}
