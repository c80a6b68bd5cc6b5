using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.Grains.Security;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Security;

public sealed class TokenApiTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _data = Directory.CreateTempSubdirectory("vigil-tokens-").FullName;
    private TokenSilo _silo = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _silo = await TokenSilo.StartAsync(_data, app =>
        {
            // Stand-ins for the per-cluster endpoints: one that declares its role, one that forgets to.
            app.MapGet("/api/v1/clusters/{cluster}/probe", (string cluster) => Results.Text(cluster)).RequireToken(TokenRole.Viewer);
            app.MapGet("/api/v1/undeclared", () => Results.Text("open?"));
        });
        _admin = _silo.Client(_silo.Credentials.AdminToken);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _silo.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge_and_a_json_error()
    {
        using var anonymous = _silo.Client(null);

        var response = await anonymous.GetAsync("api/v1/rules", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", await Error(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_401_invalid_token()
    {
        using var stranger = _silo.Client(BearerTokens.Create());

        var response = await stranger.GetAsync("api/v1/silos", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_no_route_takes_is_405_not_a_token_refusal_and_a_mapped_route_still_needs_its_token()
    {
        using var anonymous = _silo.Client(null);

        using var put = await anonymous.PutAsync("api/v1/rules", new StringContent("{}"), Ct);
        using var get = await anonymous.GetAsync("api/v1/rules", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_need_no_token()
    {
        using var anonymous = _silo.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("readyz", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_the_operator_endpoints_but_may_not_manage_tokens()
    {
        using var viewer = _silo.Client(await CreateAsync("dashboard", "viewer"));

        foreach (var path in new[] { "api/v1/silos", "api/v1/shards", "api/v1/rules" })
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(path, Ct)).StatusCode);
        }
        var create = await viewer.PostAsJsonAsync("api/v1/tokens", new { name = "mine", role = "admin" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("needs admin", await Error(create), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("api/v1/tokens", Ct)).StatusCode);
        Assert.Equal(3, (await ListAsync()).Count);
    }

    [Fact]
    public async Task A_token_scoped_to_one_cluster_works_there_only()
    {
        using var scoped = _silo.Client(await CreateAsync("prod dashboard", "viewer", "prod"));

        var own = await scoped.GetAsync("api/v1/clusters/prod/probe", Ct);
        var other = await scoped.GetAsync("api/v1/clusters/staging/probe", Ct);
        var clusterless = await scoped.GetAsync("api/v1/silos", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("'prod', not 'staging'", await Error(other), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, clusterless.StatusCode);
    }

    [Fact]
    public async Task A_scoped_admin_may_not_manage_tokens()
    {
        using var scoped = _silo.Client(await CreateAsync("prod admin", "admin", "prod"));

        Assert.Equal(HttpStatusCode.OK, (await scoped.GetAsync("api/v1/clusters/prod/probe", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scoped.GetAsync("api/v1/tokens", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_api_endpoint_that_declares_no_role_needs_admin()
    {
        using var viewer = _silo.Client(await CreateAsync("dashboard", "viewer"));

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("api/v1/undeclared", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("api/v1/undeclared", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_answers_the_token_once_and_list_never_shows_a_secret()
    {
        var response = await _admin.PostAsJsonAsync("api/v1/tokens", new { name = "sensor fleet", role = "ingest", cluster = "prod" }, Ct);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var listing = await _admin.GetStringAsync("api/v1/tokens", Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("ingest", created.GetProperty("role").GetString());
        Assert.Equal("prod", created.GetProperty("cluster").GetString());
        var token = created.GetProperty("token").GetString()!;
        Assert.DoesNotContain(token, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(_silo.Credentials.AdminToken, listing, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listing, StringComparison.OrdinalIgnoreCase);
        var entry = Assert.Single(JsonDocument.Parse(listing).RootElement.EnumerateArray(), t => t.GetProperty("name").GetString() == "sensor fleet");
        Assert.Equal(created.GetProperty("id").GetString(), entry.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"role\": \"root\"}", "role 'root'")]
    [InlineData("{\"name\": \"x\"}", "role ''")]
    [InlineData("{\"name\": \"\", \"role\": \"viewer\"}", "name must be")]
    [InlineData("{\"name\": \"   \", \"role\": \"viewer\"}", "name must be")]
    [InlineData("{\"role\": \"viewer\"}", "name must be")]
    [InlineData("{\"name\": \"x\", \"role\": \"viewer\", \"cluster\": \"prod/eu\"}", "no '/'")]
    [InlineData("{\"name\": \"x\", \"role\": \"viewer\", \"cluster\": \"\"}", "cluster ''")]
    [InlineData("{\"name\": 5, \"role\": \"viewer\"}", "JSON object")]
    [InlineData("not json", "JSON object")]
    [InlineData("", "JSON object")]
    public async Task Bad_create_requests_are_400_and_add_nothing(string body, string expected)
    {
        var response = await _admin.PostAsync("api/v1/tokens", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await Error(response), StringComparison.Ordinal);
        Assert.Equal(2, (await ListAsync()).Count);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once_and_shows_as_revoked()
    {
        var token = await CreateAsync("temporary", "viewer");
        var id = (await ListAsync()).Single(t => t.GetProperty("name").GetString() == "temporary").GetProperty("id").GetString();
        using var viewer = _silo.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("api/v1/rules", Ct)).StatusCode);

        var revoke = await _admin.DeleteAsync($"api/v1/tokens/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync("api/v1/rules", Ct)).StatusCode);
        var listed = (await ListAsync()).Single(t => t.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Revoking_an_unknown_id_is_404()
    {
        var response = await _admin.DeleteAsync("api/v1/tokens/tok_0000000000000000", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tok_0000000000000000", await Error(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_token_cannot_be_revoked_until_there_is_another()
    {
        var bootstrapId = (await ListAsync()).Single(t => t.GetProperty("role").GetString() == "admin").GetProperty("id").GetString();

        var refused = await _admin.DeleteAsync($"api/v1/tokens/{bootstrapId}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("api/v1/tokens", Ct)).StatusCode);

        using var successor = _silo.Client(await CreateAsync("successor", "admin"));
        Assert.Equal(HttpStatusCode.OK, (await successor.DeleteAsync($"api/v1/tokens/{bootstrapId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _admin.GetAsync("api/v1/tokens", Ct)).StatusCode);
    }

    private async Task<string> CreateAsync(string name, string role, string? cluster = null)
    {
        var response = await _admin.PostAsJsonAsync("api/v1/tokens", new { name, role, cluster }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("token").GetString()!;
    }

    private async Task<List<JsonElement>> ListAsync() =>
        [.. JsonDocument.Parse(await _admin.GetStringAsync("api/v1/tokens", Ct)).RootElement.EnumerateArray()];

    private static async Task<string> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString()!;
}
