using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Silo.Demo;
using Vigil.Silo.Ingestion;
using Vigil.Silo.Tests.Alerts;

namespace Vigil.Silo.Tests.Dashboard;

/// <summary><c>GET /api/v1/session</c> tells the dashboard who signed in; the silos list carries event rates.</summary>
public sealed class SessionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("admin", null, true)]
    [InlineData("viewer", null, false)]
    [InlineData("viewer", "lab", false)]
    public async Task A_reading_token_learns_its_own_role_and_scope(string role, string? cluster, bool canChange)
    {
        await using var silo = await AlertTestSilo.StartAsync();
        silo.Authorize(role == "admin" ? silo.Credentials.AdminToken : await silo.CreateTokenAsync(role, cluster));

        var session = await silo.Http.GetFromJsonAsync<JsonElement>("api/v1/session", Ct);

        Assert.Equal(role, session.GetProperty("role").GetString());
        Assert.Equal(cluster, session.GetProperty("cluster").GetString());
        Assert.Equal(canChange, session.GetProperty("canChangeAlerts").GetBoolean());
    }

    [Fact]
    public async Task An_ingest_token_or_none_cannot_sign_in()
    {
        await using var silo = await AlertTestSilo.StartAsync();

        silo.Authorize(silo.Credentials.IngestToken);
        using var ingest = await silo.Http.GetAsync("api/v1/session", Ct);
        silo.Authorize(null);
        using var none = await silo.Http.GetAsync("api/v1/session", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task The_answering_silo_reports_the_events_it_accepted()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        silo.Authorize(silo.Credentials.IngestToken);
        using var posted = await silo.Http.PostAsync("api/v1/clusters/lab/audit", new StringContent(AuditEventList, System.Text.Encoding.UTF8, "application/json"), Ct);
        posted.EnsureSuccessStatusCode();
        silo.Authorize(silo.Credentials.AdminToken);
        var accepted = silo.App.Services.GetRequiredService<EventRateMeter>().Total;

        var silos = await silo.Http.GetFromJsonAsync<JsonElement>("api/v1/silos", Ct);

        var only = Assert.Single(silos.EnumerateArray());
        Assert.True(only.GetProperty("answering").GetBoolean());
        Assert.Equal(2, accepted);
        Assert.Equal(accepted, only.GetProperty("eventsAccepted").GetInt64());
    }

    [Fact]
    public async Task Demo_mode_plays_the_scenarios_into_the_demo_cluster_and_is_off_by_default()
    {
        await using var demo = await AlertTestSilo.StartAsync(settings: ("Demo:Enabled", "true"));
        await using var plain = await AlertTestSilo.StartAsync();

        var webShell = await demo.WaitForIndexedAsync(new DemoOptions().Cluster, "vigil.runtime.web-shell");

        Assert.StartsWith("storefront-", webShell.Alert.Pod, StringComparison.Ordinal);
        Assert.Empty((await plain.Http.GetFromJsonAsync<JsonElement>("api/v1/clusters", Ct)).EnumerateArray());
        Assert.False(new DemoOptions().Enabled);
    }

    private const string AuditEventList = """
        {"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[
          {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0b6d7a2e-1","stage":"ResponseComplete",
           "requestURI":"/api/v1/namespaces/shop/pods","verb":"list","user":{"username":"alice@example.com"},"sourceIPs":["10.0.0.7"],
           "userAgent":"kubectl/v1.31.0","objectRef":{"resource":"pods","namespace":"shop","apiVersion":"v1"},
           "responseStatus":{"code":200},"requestReceivedTimestamp":"2026-12-01T10:00:00.000000Z","stageTimestamp":"2026-12-01T10:00:00.010000Z"},
          {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0b6d7a2e-2","stage":"ResponseComplete",
           "requestURI":"/api/v1/namespaces/shop/configmaps","verb":"list","user":{"username":"alice@example.com"},"sourceIPs":["10.0.0.7"],
           "userAgent":"kubectl/v1.31.0","objectRef":{"resource":"configmaps","namespace":"shop","apiVersion":"v1"},
           "responseStatus":{"code":200},"requestReceivedTimestamp":"2026-12-01T10:00:01.000000Z","stageTimestamp":"2026-12-01T10:00:01.010000Z"}]}
        """;
}
