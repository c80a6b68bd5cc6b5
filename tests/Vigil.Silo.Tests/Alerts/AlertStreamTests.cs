using System.Net;
using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;

namespace Vigil.Silo.Tests.Alerts;

/// <summary><c>GET /api/v1/alerts/stream</c>: alerts as they are committed, without polling.</summary>
public sealed class AlertStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SseReader> OpenAsync(AlertTestSilo silo, string query = "")
    {
        var response = await silo.Http.GetAsync($"api/v1/alerts/stream{query}", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal((":", "subscribed"), await reader.NextAsync(Ct));
        return reader;
    }

    [Fact]
    public async Task A_new_alert_arrives_on_the_stream_and_other_clusters_are_filtered_out()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        using var stream = await OpenAsync(silo, "?cluster=prod&minSeverity=high");

        await silo.WebShellAsync("dev");
        await silo.WebShellAsync("prod");
        var (name, data) = await stream.NextAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal("alert", name);
        var alert = JsonDocument.Parse(data).RootElement;
        Assert.Equal("prod", alert.GetProperty("cluster").GetString());
        Assert.Equal("Possible Web Shell activity detected", alert.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_quiet_stream_sends_heartbeats()
    {
        await using var silo = await AlertTestSilo.StartAsync(settings: ("AlertStream:Heartbeat", "00:00:00.100"));
        using var stream = await OpenAsync(silo);

        Assert.Equal((":", "heartbeat"), await stream.NextAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct));
        Assert.Equal((":", "heartbeat"), await stream.NextAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct));
    }

    [Fact]
    public async Task A_subscriber_that_fell_behind_is_told_how_many_it_missed()
    {
        await using var silo = await AlertTestSilo.StartAsync(settings: ("AlertStream:QueueCapacity", "2"));
        using var stream = await OpenAsync(silo);

        // One publication of five alerts overruns a queue of two before the stream can read any of them.
        silo.Feed.Publish(new Vigil.Runtime.GrainId("vigil.pod", "prod/shop/x"), [.. SampleAlerts.Spread().Take(5).Select(i => i.Alert)]);

        var (name, data) = await stream.NextAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal("missed", name);
        Assert.Equal(3, JsonDocument.Parse(data).RootElement.GetProperty("missed").GetInt64());
        Assert.Equal("alert", (await stream.NextAsync(Ct)).Event);
    }

    [Fact]
    public async Task Republished_alerts_are_not_news_and_bad_filters_are_refused()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        using var stream = await OpenAsync(silo);
        var sample = SampleAlerts.One(0).Alert with { Severity = Severity.High, Status = AlertStatus.Active };

        silo.Feed.Publish(new Vigil.Runtime.GrainId("vigil.pod", "prod/shop/x"), [sample with { Id = "republished" }], republished: true);
        silo.Feed.Publish(new Vigil.Runtime.GrainId("vigil.pod", "prod/shop/x"), [sample with { Id = "changed" }]);
        var bad = await silo.Http.GetAsync("api/v1/alerts/stream?limit=5", Ct);

        var (_, data) = await stream.NextAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal("changed", JsonDocument.Parse(data).RootElement.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
