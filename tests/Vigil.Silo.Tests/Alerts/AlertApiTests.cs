using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>The alerts API over HTTP on an in-process silo: the index behind it filled with known alerts, or by real grains.</summary>
public sealed class AlertApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AlertTestSilo> FilledAsync()
    {
        var silo = await AlertTestSilo.StartAsync();
        await silo.Store.UpsertAsync(SampleAlerts.Spread(), Ct);
        return silo;
    }

    private static async Task<JsonElement> GetJsonAsync(AlertTestSilo silo, string path)
    {
        var response = await silo.Http.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    private static List<string> Expected(Func<Alert, bool> predicate) =>
        [.. SampleAlerts.Spread().Select(i => i.Alert).Where(predicate).Select(a => a.Id).Order()];

    public static TheoryData<string, string> Filters() => new()
    {
        { "cluster=dev", "cluster" },
        { "namespace=pay&namespace=kube-system", "namespace" },
        { "rule=vigil.test.rule-3", "rule" },
        { "severity=High,low", "severity" },
        { "minSeverity=medium", "minSeverity" },
        { "status=resolved", "status" },
        { "since=2026-03-01T14:30:00Z", "since" },
        { "cluster=prod&status=Active&namespace=shop", "combined" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_filter_of_the_list_returns_exactly_its_alerts(string query, string name)
    {
        await using var silo = await FilledAsync();

        var page = await GetJsonAsync(silo, $"api/v1/alerts?limit=500&{query}");

        Func<Alert, bool> predicate = name switch
        {
            "cluster" => a => a.Cluster == "dev",
            "namespace" => a => a.Namespace is "pay" or "kube-system",
            "rule" => a => a.RuleId == "vigil.test.rule-3",
            "severity" => a => a.Severity is Vigil.Grains.Rules.Severity.High or Vigil.Grains.Rules.Severity.Low,
            "minSeverity" => a => a.Severity >= Vigil.Grains.Rules.Severity.Medium,
            "status" => a => a.Status == AlertStatus.Resolved,
            "since" => a => a.LastSeen >= SampleAlerts.Start.AddMinutes(150),
            _ => a => a.Cluster == "prod" && a.Status == AlertStatus.Active && a.Namespace == "shop",
        };
        var expected = Expected(predicate);
        Assert.InRange(expected.Count, 1, 23);
        Assert.Equal(expected, Ids(page).Order());
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_cluster_path_fixes_the_cluster_filter()
    {
        await using var silo = await FilledAsync();

        var page = await GetJsonAsync(silo, "api/v1/clusters/dev/alerts?limit=500");
        var conflicting = await silo.Http.GetAsync("api/v1/clusters/dev/alerts?cluster=prod", Ct);

        Assert.Equal(Expected(a => a.Cluster == "dev"), Ids(page).Order());
        Assert.Equal(HttpStatusCode.BadRequest, conflicting.StatusCode);
    }

    [Theory]
    [InlineData("lastSeen", "desc")]
    [InlineData("firstSeen", "asc")]
    [InlineData("severity", "desc")]
    [InlineData("count", "asc")]
    public async Task Cursor_paging_walks_every_alert_once_in_the_asked_order(string sort, string order)
    {
        await using var silo = await FilledAsync();
        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync(silo, $"api/v1/alerts?limit=7&sort={sort}&order={order}" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var values = seen.Select(a => sort switch
        {
            "lastSeen" => a.GetProperty("lastSeen").GetDateTimeOffset().UtcTicks,
            "firstSeen" => a.GetProperty("firstSeen").GetDateTimeOffset().UtcTicks,
            "severity" => (long)Enum.Parse<Vigil.Grains.Rules.Severity>(a.GetProperty("severity").GetString()!),
            _ => a.GetProperty("count").GetInt32(),
        }).ToList();
        Assert.Equal(24, seen.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(order == "desc" ? values.OrderDescending() : values.Order(), values);
    }

    [Fact]
    public async Task Without_a_sort_the_newest_sighting_comes_first_and_offset_pages_too()
    {
        await using var silo = await FilledAsync();

        var first = await GetJsonAsync(silo, "api/v1/alerts?limit=4");
        var second = await GetJsonAsync(silo, "api/v1/alerts?limit=4&offset=4");

        var newest = SampleAlerts.Spread().Select(i => i.Alert).OrderByDescending(a => a.LastSeen).Select(a => a.Id).ToList();
        Assert.Equal(newest[..4], Ids(first));
        Assert.Equal(newest[4..8], Ids(second));
        Assert.Equal(4, first.GetProperty("limit").GetInt32());
        Assert.False(first.GetProperty("items")[0].TryGetProperty("evidence", out _), "a list carries no evidence");
    }

    [Theory]
    [InlineData("limit=0", "limit must be a whole number from 1 to 500")]
    [InlineData("limit=501", "limit must be a whole number from 1 to 500")]
    [InlineData("offset=-1", "offset must be a whole number of at least 0")]
    [InlineData("severity=Severe", "severity must be one or more of Informational, Low, Medium, High")]
    [InlineData("severity=3", "severity must be one or more of")]
    [InlineData("minSeverity=urgent", "minSeverity must be one of")]
    [InlineData("status=closed", "status must be one or more of Active, Resolved, Dismissed")]
    [InlineData("since=yesterday", "since must be an ISO 8601 instant")]
    [InlineData("sort=title", "sort must be one of lastSeen, firstSeen, severity, count")]
    [InlineData("order=up", "order must be asc or desc")]
    [InlineData("cursor=bm9wZQ", "cursor is not one this API handed out")]
    [InlineData("clusters=prod", "Unknown query parameter 'clusters'")]
    public async Task Bad_parameters_get_400_with_a_clear_message(string query, string message)
    {
        await using var silo = await FilledAsync();

        var response = await silo.Http.GetAsync($"api/v1/alerts?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_of_another_sort_or_with_an_offset_is_refused()
    {
        await using var silo = await FilledAsync();
        var cursor = (await GetJsonAsync(silo, "api/v1/alerts?limit=2")).GetProperty("nextCursor").GetString();

        var otherSort = await silo.Http.GetAsync($"api/v1/alerts?limit=2&sort=count&cursor={cursor}", Ct);
        var withOffset = await silo.Http.GetAsync($"api/v1/alerts?limit=2&offset=2&cursor={cursor}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, otherSort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withOffset.StatusCode);
    }

    [Fact]
    public async Task An_alert_raised_by_a_pod_is_indexed_and_its_detail_has_evidence_and_holder()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var podKey = await silo.WebShellAsync("prod");
        var indexed = await silo.WaitForIndexedAsync("prod", WebShellEvents.RuleId);

        var detail = await GetJsonAsync(silo, $"api/v1/alerts/{indexed.Alert.Id}");
        var missing = await silo.Http.GetAsync("api/v1/alerts/0196a000-0000-7000-8000-999999999999", Ct);
        var otherCluster = await silo.Http.GetAsync($"api/v1/clusters/dev/alerts/{indexed.Alert.Id}", Ct);

        Assert.Equal("Possible Web Shell activity detected", detail.GetProperty("title").GetString());
        Assert.Equal("High", detail.GetProperty("severity").GetString());
        Assert.Equal("Active", detail.GetProperty("status").GetString());
        var evidence = detail.GetProperty("evidence")[0];
        Assert.Equal("/bin/sh", evidence.GetProperty("process").GetProperty("binary").GetString());
        Assert.Contains(evidence.GetProperty("ancestors").EnumerateArray(), p => p.GetProperty("binary").GetString() == "/usr/sbin/nginx");
        Assert.Equal("vigil.pod", detail.GetProperty("holder").GetProperty("grainType").GetString());
        Assert.Equal(podKey, detail.GetProperty("holder").GetProperty("grainKey").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCluster.StatusCode);
    }

    [Fact]
    public async Task A_status_change_goes_to_the_holding_grain_and_shows_in_the_index()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var podKey = await silo.WebShellAsync("prod");
        var indexed = await silo.WaitForIndexedAsync("prod", WebShellEvents.RuleId);

        var response = await silo.Http.PatchAsync($"api/v1/alerts/{indexed.Alert.Id}", Json("""{"status": "resolved"}"""), Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("Resolved", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        var inGrain = await silo.Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null);
        Assert.Equal(AlertStatus.Resolved, inGrain.Single(a => a.Id == indexed.Alert.Id).Status);
        var listed = await GetJsonAsync(silo, "api/v1/alerts?status=resolved&cluster=prod");
        Assert.Equal([indexed.Alert.Id], Ids(listed));
    }

    [Theory]
    [InlineData("""{"status": "closed"}""", "status must be resolved, dismissed or active")]
    [InlineData("""{"status": 1}""", "needs a string status")]
    [InlineData("""{"status": "resolved", "title": "x"}""", "Unknown property 'title'")]
    [InlineData("""["resolved"]""", "must be an object")]
    [InlineData("status=resolved", "not JSON")]
    public async Task A_bad_status_body_gets_400_and_changes_nothing(string body, string message)
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var podKey = await silo.WebShellAsync("prod");
        var indexed = await silo.WaitForIndexedAsync("prod", WebShellEvents.RuleId);

        var response = await silo.Http.PatchAsync($"api/v1/alerts/{indexed.Alert.Id}", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(AlertStatus.Active, (await silo.Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null)).Single().Status);
        Assert.Equal(AlertStatus.Active, (await silo.Store.FindAsync(indexed.Alert.Id, Ct))!.Alert.Status);
    }

    [Fact]
    public async Task Changing_the_status_of_an_unknown_alert_is_404()
    {
        await using var silo = await AlertTestSilo.StartAsync();

        var response = await silo.Http.PatchAsync("api/v1/alerts/nope", Json("""{"status": "dismissed"}"""), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
