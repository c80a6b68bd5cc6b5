using System.Globalization;
using System.Text.Json;
using Vigil.Scenarios;

namespace Vigil.Cli.Simulate;

/// <summary>
/// Watches <c>GET /api/v1/alerts</c> (the index every silo of a cluster writes) for the expected alerts until all
/// have fired or the time is up. The API is asked again every <see cref="PollInterval"/>: cheap for one cluster's
/// recent alerts, and it works whichever silo hosts the grains, where the live stream hears only its own silo's.
/// </summary>
public sealed class AlertWaiter(SiloApiClient api, string cluster, DateTimeOffset since)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Fills in <see cref="ExpectedFiring.Fired"/>; null when every expected alert was seen, else why not.</summary>
    public async Task<string?> WaitAsync(IReadOnlyList<ExpectedFiring> expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? problem = null;
        try
        {
            while (true)
            {
                problem = await PollAsync(expected, deadline.Token);
                if (problem is null && expected.All(e => e.Fired is not null))
                {
                    return null;
                }
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return problem ?? $"not every expected alert fired within {timeout.TotalSeconds:0.#} s";
        }
    }

    private async Task<string?> PollAsync(IReadOnlyList<ExpectedFiring> expected, CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var path = $"api/v1/alerts?cluster={Uri.EscapeDataString(cluster)}&since={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}&limit=500"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var response = await api.SendAsync(HttpMethod.Get, path, null, cancellationToken);
            if (!response.Succeeded || response.Body is not { } page)
            {
                return $"reading the alerts failed: {response.Problem}";
            }
            foreach (var alert in page.GetProperty("items").EnumerateArray())
            {
                Match(expected, alert);
            }
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return null;
    }

    private static void Match(IReadOnlyList<ExpectedFiring> expected, JsonElement alert)
    {
        var title = alert.GetProperty("title").GetString();
        foreach (var firing in expected.Where(e => e.Fired is null && e.Expected.Title == title))
        {
            var entity = firing.Expected.Subject == AlertSubject.Pod
                ? alert.GetProperty("pod").GetString()
                : alert.GetProperty("serviceAccount").GetString();
            if (entity == firing.Entity)
            {
                firing.Fired = new FiredAlert(
                    alert.GetProperty("id").GetString()!, alert.GetProperty("severity").GetString()!, alert.GetProperty("firstSeen").GetDateTimeOffset());
            }
        }
    }
}
