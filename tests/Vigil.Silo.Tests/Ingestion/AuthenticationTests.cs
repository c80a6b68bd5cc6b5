using System.Net;
using System.Net.Http.Json;
using Vigil.Silo.Tests.Ingestion.Support;

namespace Vigil.Silo.Tests.Ingestion;

/// <summary>The ingestion endpoints take an ingest token valid for the cluster in the route, and nothing else.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private IngestionSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await IngestionSilo.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "audit", "native-log.jsonl" },
        { "events/tetragon", "tetragon-webshell.jsonl" },
        { "events/falco", "falco-webshell.jsonl" },
        { "admission", "admission-privileged-pod.json" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_or_with_a_wrong_one_the_answer_is_401_and_nothing_changes(string endpoint, string sample)
    {
        foreach (var token in new[] { null, "vigil_not-a-token" })
        {
            using var client = _silo.Client(token);
            var response = await client.PostAsync($"api/v1/clusters/prod/{endpoint}", new ByteArrayContent(Samples.Read(sample)), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_token_scoped_to_another_cluster_gets_403_and_its_own_cluster_is_served(string endpoint, string sample)
    {
        using var admin = _silo.Client(_silo.Credentials.AdminToken);
        var created = await admin.PostAsJsonAsync("api/v1/tokens", new { name = "staging-ingest", role = "ingest", cluster = "staging" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var scoped = _silo.Client((await ResponseJson.ReadAsync(created)).GetProperty("token").GetString());

        var elsewhere = await scoped.PostAsync($"api/v1/clusters/prod/{endpoint}", new ByteArrayContent(Samples.Read(sample)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());

        var own = await scoped.PostAsync($"api/v1/clusters/staging/{endpoint}", new ByteArrayContent(Samples.Read(sample)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
