using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Grains.Alerts;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Api.Alerts;

/// <summary>
/// <c>GET /api/v1/alerts/stream</c>: server-sent events from this silo's feed, filtered as the query asks. The
/// stream opens with a <c>: subscribed</c> comment once the subscription is in place (nothing committed after it is
/// missed), then sends <c>event: alert</c> with the alert's summary as data for every alert opened, added to or
/// changed; <c>event: missed</c> with <c>{"missed": n}</c> when the client fell so far behind that n were dropped;
/// and a <c>: heartbeat</c> comment on a quiet stream. Alerts grains merely re-announce on activation are not sent.
/// </summary>
public static class AlertStream
{
    public static async Task RunAsync(HttpContext http, AlertFeed feed, AlertStreamOptions options, TimeProvider time)
    {
        var aborted = http.RequestAborted;
        if (!AlertQueryParser.TryParseStreamFilter(http.Request.Query, AlertEndpoints.RouteCluster(http), out var filter, out var error))
        {
            await AlertEndpoints.Error(StatusCodes.Status400BadRequest, error).ExecuteAsync(http);
            return;
        }
        using var subscription = feed.Subscribe(options.QueueCapacity);
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var body = http.Response.Body;
        long missedReported = 0;
        var drained = new List<HeldAlert>();
        try
        {
            await WriteAsync(body, ": subscribed\n\n", aborted);
            var read = subscription.Entries.WaitToReadAsync(aborted).AsTask();
            while (true)
            {
                using var beatCancel = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                var beat = Task.Delay(options.Heartbeat, time, beatCancel.Token);
                var first = await Task.WhenAny(read, beat);
                await beatCancel.CancelAsync();
                if (first != read)
                {
                    await WriteAsync(body, ": heartbeat\n\n", aborted);
                    continue;
                }
                if (!await read)
                {
                    return;
                }
                var text = new StringBuilder();
                drained.Clear();
                var dropped = subscription.Drain(drained);
                if (dropped > missedReported)
                {
                    text.Append("event: missed\ndata: {\"missed\":").Append(dropped - missedReported).Append("}\n\n");
                    missedReported = dropped;
                }
                foreach (var entry in drained)
                {
                    if (!entry.Republished && filter.Matches(entry.Alert))
                    {
                        text.Append("id: ").Append(entry.Alert.Id).Append("\nevent: alert\ndata: ")
                            .Append(JsonSerializer.Serialize(AlertSummaryView.Of(entry.Alert), AlertJson.Options)).Append("\n\n");
                    }
                }
                if (text.Length > 0)
                {
                    await WriteAsync(body, text.ToString(), aborted);
                }
                read = subscription.Entries.WaitToReadAsync(aborted).AsTask();
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task WriteAsync(Stream body, string text, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
