using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Vigil.Silo.Security;
using Vigil.TestSupport;

namespace Vigil.Silo.Tests;

/// <summary>Silos as separate OS processes sharing one PostgreSQL database.</summary>
public sealed class ClusterProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_silo_is_killed_the_survivor_owns_every_shard_within_20_seconds()
    {
        await using var database = await FreshDatabaseAsync();
        await using var a = await SiloProcess.StartAsync("--postgres", database.ConnectionString, "--silo-id", "A");
        await using var b = await SiloProcess.StartAsync("--postgres", database.ConnectionString, "--silo-id", "B");
        using var http = ApiClient(a);
        await WaitUntilAsync(async () => (await OwnersAsync(http, a)).Count(o => o == "B") > 0, TimeSpan.FromSeconds(30));

        b.Process.Kill();
        var killed = Stopwatch.StartNew();
        await WaitUntilAsync(async () => (await OwnersAsync(http, a)).All(o => o == "A"), TimeSpan.FromSeconds(40));
        var failover = killed.Elapsed;

        TestContext.Current.TestOutputHelper?.WriteLine($"fail-over took {failover.TotalSeconds:0.0} s");
        Assert.True(failover < TimeSpan.FromSeconds(20), $"fail-over took {failover.TotalSeconds:0.0} s");
        var silos = await http.GetFromJsonAsync<List<SiloView>>($"http://{a.Http}/api/v1/silos", Ct);
        Assert.Equal(1024, silos!.Single(s => s.Id == "A").ShardsOwned);
    }

    [Fact]
    public async Task An_embedded_silo_reports_itself_as_a_cluster_of_one()
    {
        await using var silo = await SiloProcess.StartAsync();
        using var http = ApiClient(silo);

        var silos = await http.GetFromJsonAsync<List<SiloView>>($"http://{silo.Http}/api/v1/silos", Ct);
        var shards = await http.GetFromJsonAsync<List<ShardView>>($"http://{silo.Http}/api/v1/shards", Ct);

        Assert.Equal(1024, Assert.Single(silos!).ShardsOwned);
        Assert.Equal(1024, shards!.Count);
    }

    /// <summary>A client with the admin token that the first silo on the store wrote; the other silos of a cluster accept it too.</summary>
    private static HttpClient ApiClient(SiloProcess first)
    {
        var credentials = SiloCredentials.Read(SiloCredentials.PathIn(first.DataDirectory))
            ?? throw new InvalidOperationException("the first silo wrote no credentials.json");
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AdminToken);
        return http;
    }

    private static async Task<string?[]> OwnersAsync(HttpClient http, SiloProcess silo)
    {
        var shards = await http.GetFromJsonAsync<List<ShardView>>($"http://{silo.Http}/api/v1/shards", Ct);
        var now = DateTimeOffset.UtcNow;
        return shards!.Select(s => s.ExpiresAt > now ? s.Owner : null).ToArray();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        // Another process's state can only be observed, not awaited: poll it, bounded, and say so when it never holds.
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"The cluster did not reach the expected state within {limit.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }
    }

    private static async Task<TestDatabase> FreshDatabaseAsync()
    {
        var server = TestDatabase.Server;
        if (server is null)
        {
            Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
        }

        return await TestDatabase.CreateAsync(server);
    }
}
