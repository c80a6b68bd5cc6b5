using System.Net;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Silo.Tests.Ingestion.Support;

namespace Vigil.Silo.Tests.Ingestion;

/// <summary>A realistic Tetragon and Falco line reaches its pod grain and raises the alert it should.</summary>
public sealed class RuntimeIngestionTests : IAsyncLifetime
{
    private IngestionSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await IngestionSilo.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task A_shell_under_php_fpm_from_tetragon_raises_the_web_shell_alert_on_its_pod()
    {
        var result = await AcceptedAsync("events/tetragon", "tetragon-webshell.jsonl", "tetragon", records: 2, accepted: 2);

        Assert.Equal(0, result.GetProperty("hostEvents").GetInt32());
        var alerts = await _silo.Grains.GetGrain<IPodGrain>("prod/shop/2f4c8a10-5555-4f00-9c00-0000000000e1").GetAlertsAsync(null);
        var alert = Assert.Single(alerts, a => a.RuleId == "vigil.runtime.web-shell");
        Assert.Equal("Possible Web Shell activity detected", alert.Title);
        Assert.Equal(("prod", "shop", "php"), (alert.Cluster, alert.Namespace, alert.Container));
    }

    [Fact]
    public async Task A_shell_under_gunicorn_from_falco_raises_the_web_shell_alert_and_a_k8s_audit_alert_is_reported_skipped()
    {
        var result = await AcceptedAsync("events/falco", "falco-webshell.jsonl", "falco", records: 2, accepted: 1);

        Assert.Contains("k8s_audit", Assert.Single(result.GetProperty("skippedRecords").EnumerateArray()).GetProperty("reason").GetString(), StringComparison.Ordinal);
        var alerts = await _silo.Grains.GetGrain<IPodGrain>("prod/shop/8b3d9e21-6666-4a00-8d00-0000000000f1").GetAlertsAsync(AlertStatus.Active);
        Assert.Contains(alerts, a => a.RuleId == "vigil.runtime.web-shell" && a.Container == "app");
    }

    [Fact]
    public async Task Audit_records_sent_to_a_runtime_endpoint_are_refused()
    {
        var response = await _silo.PostAsync("api/v1/clusters/prod/events/tetragon", Samples.Read("native-log.jsonl"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    private async Task<System.Text.Json.JsonElement> AcceptedAsync(string endpoint, string sample, string format, int records, int accepted)
    {
        var response = await _silo.PostAsync($"api/v1/clusters/prod/{endpoint}", Samples.Read(sample), "application/x-ndjson");
        var result = await ResponseJson.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal(format, result.GetProperty("format").GetString());
        Assert.Equal(records, result.GetProperty("records").GetInt32());
        Assert.Equal(accepted, result.GetProperty("accepted").GetInt32());
        return result;
    }
}
