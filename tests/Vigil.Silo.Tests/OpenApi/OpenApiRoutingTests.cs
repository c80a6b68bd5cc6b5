using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vigil.Silo.Tests.Alerts;

namespace Vigil.Silo.Tests.OpenApi;

/// <summary>
/// Describing request bodies must not narrow what the routes take: content-type metadata would route a request
/// of another type to a 415 endpoint, which the token check treats as undeclared and so admin-only.
/// </summary>
public sealed class OpenApiRoutingTests
{
    [Fact]
    public async Task A_token_request_sent_as_form_encoding_is_still_read_as_JSON()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        using var body = new StringContent("""{"name": "curl -d", "role": "viewer"}""", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await silo.Http.PostAsync("api/v1/tokens", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("api/v1/clusters/lab/events/tetragon", "application/octet-stream")]
    [InlineData("api/v1/clusters/lab/audit", "application/gzip")]
    [InlineData("api/v1/clusters/lab/admission", "text/plain")]
    public async Task An_ingest_token_reaches_the_ingestion_handlers_whatever_the_content_type(string path, string contentType)
    {
        await using var silo = await AlertTestSilo.StartAsync();
        silo.Authorize(silo.Credentials.IngestToken);
        using var body = new ByteArrayContent([]);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await silo.Http.PostAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // The handler's own refusal of an empty body, not routing's 415 or the token check's 403.
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Contains("empty-body", text, StringComparison.Ordinal);
    }
}
