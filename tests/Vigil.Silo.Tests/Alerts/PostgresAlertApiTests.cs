using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.TestSupport;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>The index on a cluster's PostgreSQL: fed by the silo's grains, read and changed through the API.</summary>
public sealed class PostgresAlertApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cluster_silo_indexes_its_grains_alerts_in_postgres_and_routes_a_status_change()
    {
        if (TestDatabase.Server is not { } server)
        {
            Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
            return;
        }
        await using var database = await TestDatabase.CreateAsync(server);
        await using var silo = await AlertTestSilo.StartAsync(postgres: database.ConnectionString);
        var podKey = await silo.WebShellAsync("prod");
        var indexed = await silo.WaitForIndexedAsync("prod", WebShellEvents.RuleId);

        var response = await silo.Http.PatchAsync($"api/v1/alerts/{indexed.Alert.Id}",
            new StringContent("""{"status": "dismissed"}""", Encoding.UTF8, "application/json"), Ct);
        var listed = await silo.Http.GetFromJsonAsync<JsonElement>("api/v1/alerts?cluster=prod&status=dismissed", Ct);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(AlertStatus.Dismissed, (await silo.Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null)).Single().Status);
        Assert.Equal(indexed.Alert.Id, listed.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(("vigil.pod", podKey), (indexed.GrainType, indexed.GrainKey));
    }
}
