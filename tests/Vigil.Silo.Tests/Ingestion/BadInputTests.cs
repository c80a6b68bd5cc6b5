using System.IO.Compression;
using System.Net;
using System.Text;
using Vigil.Silo.Tests.Ingestion.Support;

namespace Vigil.Silo.Tests.Ingestion;

/// <summary>Each kind of bad input gets its 4xx with a reason, and no grain holds anything afterwards.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;

    private IngestionSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await IngestionSilo.StartAsync(new Dictionary<string, string?>
    {
        ["Ingestion:MaxBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Ingestion:MaxDecompressedBytes"] = (4 * Limit).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "audit", "native-log.jsonl" },
        { "events/tetragon", "tetragon-webshell.jsonl" },
        { "events/falco", "falco-webshell.jsonl" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_malformed_line_among_good_ones_refuses_the_whole_request_naming_the_line(string endpoint, string sample)
    {
        var lines = File.ReadAllLines(Samples.Path(sample)).Where(l => l.Length > 0).ToList();
        var body = Encoding.UTF8.GetBytes(string.Join("\n", lines[0], "{\"truncated\": ", lines[^1]) + "\n");

        var error = await RefusedAsync($"api/v1/clusters/prod/{endpoint}", body, HttpStatusCode.BadRequest, "invalid-records");

        Assert.Equal(1, error.GetProperty("failedRecords").GetInt32());
        Assert.Equal(2, error.GetProperty("failures")[0].GetProperty("line").GetInt32());
        Assert.Contains("line 2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_over_the_limit_gets_413(string endpoint, string sample)
    {
        var line = File.ReadLines(Samples.Path(sample)).First();
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line + "\n", (Limit / line.Length) + 2)));

        await RefusedAsync($"api/v1/clusters/prod/{endpoint}", body, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_held_to_the_limit_too()
    {
        var line = File.ReadLines(Samples.Path("native-log.jsonl")).First() + "\n";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, (Limit / line.Length) + 2)))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/clusters/prod/audit") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _silo.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body-too-large", (await ResponseJson.ReadAsync(response)).GetProperty("error").GetString());
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    [Fact]
    public async Task A_gzip_body_that_inflates_past_its_bound_gets_413()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(new byte[8 * Limit]);
        }

        await RefusedAsync("api/v1/clusters/prod/audit", output.ToArray(), HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task A_body_that_is_not_gzip_though_it_says_so_is_refused()
    {
        var content = new ByteArrayContent(Samples.Read("native-log.jsonl"));
        content.Headers.ContentEncoding.Add("gzip");

        var response = await _silo.Http.PostAsync("api/v1/clusters/prod/audit", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-encoding", (await ResponseJson.ReadAsync(response)).GetProperty("error").GetString());
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("cloudtrail")]
    public async Task An_unknown_format_is_refused(string format)
    {
        var error = await RefusedAsync($"api/v1/clusters/prod/audit?format={format}", Samples.Read("native-log.jsonl"), HttpStatusCode.BadRequest, "unknown-format");

        Assert.Contains("auto, native, aks, eks, gke", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod%2Feu")]
    [InlineData("prod%20eu")]
    [InlineData("-prod")]
    [InlineData("pr%C3%B6d")]
    [InlineData("prod%0Aeu")]
    public async Task A_cluster_name_that_cannot_key_grains_is_refused(string cluster)
    {
        foreach (var endpoint in new[] { "audit", "events/tetragon", "events/falco", "admission" })
        {
            await RefusedAsync($"api/v1/clusters/{cluster}/{endpoint}", Samples.Read("native-log.jsonl"), HttpStatusCode.BadRequest, "invalid-cluster");
        }
    }

    [Fact]
    public async Task A_cluster_name_past_the_length_limit_is_refused()
    {
        await RefusedAsync($"api/v1/clusters/{new string('c', 101)}/audit", Samples.Read("native-log.jsonl"), HttpStatusCode.BadRequest, "invalid-cluster");
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("events/tetragon")]
    [InlineData("events/falco")]
    [InlineData("admission")]
    public async Task An_empty_body_is_refused(string endpoint)
    {
        await RefusedAsync($"api/v1/clusters/prod/{endpoint}", "\n  \n"u8.ToArray(), HttpStatusCode.BadRequest, "empty-body");
    }

    [Fact]
    public async Task Something_that_is_not_an_audit_record_is_refused_with_the_reason()
    {
        var error = await RefusedAsync("api/v1/clusters/prod/audit", "{\"line\": 1, \"rule_id\": \"x\"}\n"u8.ToArray(), HttpStatusCode.BadRequest, "invalid-records");

        Assert.Contains("not an audit record", error.GetProperty("failures")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_flag_that_is_not_a_boolean_is_refused()
    {
        await RefusedAsync("api/v1/clusters/prod/audit?dryRun=maybe", Samples.Read("native-log.jsonl"), HttpStatusCode.BadRequest, "invalid-dry-run");
    }

    private async Task<System.Text.Json.JsonElement> RefusedAsync(string path, byte[] body, HttpStatusCode status, string code)
    {
        var response = await _silo.PostAsync(path, body);
        var error = await ResponseJson.ReadAsync(response);

        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode} {error}");
        Assert.Equal(code, error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
        return error;
    }
}
