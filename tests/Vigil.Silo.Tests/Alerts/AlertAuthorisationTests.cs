using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>Who may read and change alerts: viewers read, admins also change, a cluster-scoped token sees its cluster only.</summary>
public sealed class AlertAuthorisationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Resolve() => new("""{"status": "resolved"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Without_a_token_every_alert_endpoint_is_401()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        silo.Authorize(null);

        foreach (var path in new[] { "api/v1/alerts", "api/v1/alerts/x", "api/v1/alerts/stream", "api/v1/clusters/prod/alerts" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await silo.Http.GetAsync(path, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await silo.Http.PatchAsync("api/v1/alerts/x", Resolve(), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_change_a_status_and_an_admin_can()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var podKey = await silo.WebShellAsync("prod");
        var alert = (await silo.WaitForIndexedAsync("prod", WebShellEvents.RuleId)).Alert;
        var viewer = await silo.CreateTokenAsync("viewer");
        var ingest = silo.Credentials.IngestToken;

        silo.Authorize(viewer);
        var list = await silo.Http.GetAsync("api/v1/alerts", Ct);
        var detail = await silo.Http.GetAsync($"api/v1/alerts/{alert.Id}", Ct);
        var viewerPatch = await silo.Http.PatchAsync($"api/v1/alerts/{alert.Id}", Resolve(), Ct);
        silo.Authorize(ingest);
        var ingestList = await silo.Http.GetAsync("api/v1/alerts", Ct);
        var stillActive = (await silo.Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null)).Single().Status;
        silo.Authorize(silo.Credentials.AdminToken);
        var adminPatch = await silo.Http.PatchAsync($"api/v1/alerts/{alert.Id}", Resolve(), Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPatch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ingestList.StatusCode);
        Assert.Equal(AlertStatus.Active, stillActive);
        Assert.Equal(HttpStatusCode.OK, adminPatch.StatusCode);
        Assert.Equal(AlertStatus.Resolved, (await silo.Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null)).Single().Status);
    }

    [Fact]
    public async Task A_cluster_scoped_token_sees_only_its_cluster()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        await silo.WebShellAsync("prod");
        await silo.WebShellAsync("dev");
        var devAlert = (await silo.WaitForIndexedAsync("dev", WebShellEvents.RuleId)).Alert;
        await silo.WaitForIndexedAsync("prod", WebShellEvents.RuleId);
        var scoped = await silo.CreateTokenAsync("viewer", cluster: "prod");
        var scopedAdmin = await silo.CreateTokenAsync("admin", cluster: "prod");

        silo.Authorize(scoped);
        var own = await silo.Http.GetFromJsonAsync<JsonElement>("api/v1/clusters/prod/alerts", Ct);
        var other = await silo.Http.GetAsync("api/v1/clusters/dev/alerts", Ct);
        var everyCluster = await silo.Http.GetAsync("api/v1/alerts", Ct);
        var otherDetail = await silo.Http.GetAsync($"api/v1/clusters/prod/alerts/{devAlert.Id}", Ct);
        var otherStream = await silo.Http.GetAsync("api/v1/clusters/dev/alerts/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        silo.Authorize(scopedAdmin);
        var otherPatch = await silo.Http.PatchAsync($"api/v1/clusters/prod/alerts/{devAlert.Id}", Resolve(), Ct);

        Assert.Equal(["prod"], own.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("cluster").GetString()).Distinct());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, everyCluster.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDetail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherStream.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPatch.StatusCode);
        Assert.Equal(AlertStatus.Active, (await silo.Store.FindAsync(devAlert.Id, Ct))!.Alert.Status);
    }
}
