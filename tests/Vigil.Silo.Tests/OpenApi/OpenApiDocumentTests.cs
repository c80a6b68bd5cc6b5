using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Vigil.Silo.Api.Alerts;
using Vigil.Silo.Security;
using Vigil.Silo.Tests.Alerts;

namespace Vigil.Silo.Tests.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: open without a token, valid OpenAPI 3, and in step with the
/// routes the silo maps under <c>/api/</c>, the alert query parameters and each endpoint's token requirement.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string DocumentPath = "openapi/v1.json";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task The_document_is_served_without_a_token_and_parses_as_valid_OpenAPI_3()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        silo.Authorize(null);

        using var response = await silo.Http.GetAsync(DocumentPath, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var read = OpenApiDocument.Parse(text, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.StartsWith("3.", JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        // The reader's rules do not check this one: every {name} of a path must be declared as a path parameter.
        foreach (var (method, path, operation) in Operations(JsonDocument.Parse(text).RootElement))
        {
            var declared = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).ToList()
                : [];
            var templated = path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
            Assert.True(templated.Order().SequenceEqual(declared.Order()), $"{method} {path} declares path parameters [{string.Join(", ", declared)}]");
        }
    }

    [Fact]
    public async Task Every_route_mapped_under_api_is_documented_with_its_method_and_nothing_else_is()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var document = await DocumentAsync(silo);

        var mapped = ApiEndpoints(silo).SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}")).ToHashSet();
        var documented = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();

        Assert.True(mapped.Count >= 20, $"Expected the whole API, found {mapped.Count} routes: {string.Join(", ", mapped)}");
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public async Task Every_operation_names_the_role_its_endpoint_requires_and_the_bearer_scheme()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var document = await DocumentAsync(silo);
        var required = ApiEndpoints(silo)
            .SelectMany(e => e.Methods.Select(m => (Key: $"{m} {e.Path}", Role: TokenRoles.Name(e.Requirement.Role))))
            .ToDictionary(x => x.Key, x => x.Role);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        foreach (var (method, path, operation) in Operations(document))
        {
            var key = $"{method.ToUpperInvariant()} {path}";
            var role = operation.GetProperty("x-vigil-role").GetString();
            Assert.True(required[key] == role, $"{key}: the document says {role}, the endpoint requires {required[key]}");
            Assert.Contains($"Needs a{(role == "admin" ? "n" : "")} {role} token", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("bearer", out _), $"{key} does not refer to the bearer scheme");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{key} does not document its 401");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{key} has no summary");
        }
        Assert.Equal("admin", required["PATCH /api/v1/alerts/{id}"]);
        Assert.Equal("ingest", required["POST /api/v1/clusters/{cluster}/audit"]);
        Assert.Equal("viewer", required["GET /api/v1/clusters"]);
    }

    [Fact]
    public async Task The_alert_list_and_stream_document_every_query_parameter_the_parser_takes()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var document = await DocumentAsync(silo);

        var list = QueryParameters(document, "/api/v1/alerts");
        var scopedList = QueryParameters(document, "/api/v1/clusters/{cluster}/alerts");
        var stream = QueryParameters(document, "/api/v1/alerts/stream");

        Assert.Equal(AlertQueryParser.ListKeys.Order(), list.Keys.Order());
        Assert.Equal(AlertQueryParser.ListKeys.Where(k => k != "cluster").Order(), scopedList.Keys.Order());
        Assert.Equal(AlertQueryParser.StreamKeys.Order(), stream.Keys.Order());
        Assert.Subset(list.Keys.ToHashSet(), new HashSet<string>(["cluster", "namespace", "rule", "severity", "minSeverity", "status", "since", "limit", "offset", "cursor", "sort", "order"]));
        Assert.Equal("array", list["severity"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("High", list["severity"].GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(500, list["limit"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal("date-time", list["since"].GetProperty("schema").GetProperty("format").GetString());
        Assert.Contains("text/event-stream", Operation(document, "/api/v1/alerts/stream", "get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .EnumerateObject().Select(p => p.Name));
    }

    private static async Task<JsonElement> DocumentAsync(AlertTestSilo silo)
    {
        silo.Authorize(null);
        using var response = await silo.Http.GetAsync(DocumentPath, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    /// <summary>Every route the app maps under /api/, its path as OpenAPI writes it, and the requirement the middleware enforces.</summary>
    private static List<(string Path, IReadOnlyList<string> Methods, TokenRequirement Requirement)> ApiEndpoints(AlertTestSilo silo) =>
        [.. silo.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: OpenApiPath(e), Endpoint: e))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => (e.Path,
                e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? throw new InvalidOperationException($"{e.Path} answers every method"),
                e.Endpoint.Metadata.GetMetadata<TokenRequirement>() ?? TokenRequirement.Undeclared))];

    private static string OpenApiPath(RouteEndpoint endpoint) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => throw new InvalidOperationException($"Unexpected route part in {endpoint.RoutePattern.RawText}"),
        }))));

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => Methods.Contains(m.Name))
            .Select(m => (m.Name, path.Name, m.Value)));

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static Dictionary<string, JsonElement> QueryParameters(JsonElement document, string path) =>
        Operation(document, path, "get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!);
}
