using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Runtime;
using Vigil.Silo.AlertIndex;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>A silo in the test's process on free ports and a data directory of its own, with the alert index's seams at hand.</summary>
public sealed class AlertTestSilo : IAsyncDisposable
{
    private readonly bool _ownsData;

    private AlertTestSilo(WebApplication app, string dataDirectory, bool ownsData)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownsData = ownsData;
        Http = new HttpClient { BaseAddress = new Uri($"http://{app.Services.GetRequiredService<SiloEndpoints>().Http}/") };
        Credentials = SiloCredentials.Read(SiloCredentials.PathIn(dataDirectory))
            ?? throw new InvalidOperationException("The silo wrote no credentials.json.");
        Authorize(Credentials.AdminToken);
    }

    /// <summary>The first start's admin and ingest tokens; the client sends the admin one until told otherwise.</summary>
    public SiloCredentials Credentials { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public AlertIndexStore Store => App.Services.GetRequiredService<AlertIndexStore>();

    public AlertIndexWriter Writer => App.Services.GetRequiredService<AlertIndexWriter>();

    public AlertFeed Feed => App.Services.GetRequiredService<AlertFeed>();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a silo; on <paramref name="dataDirectory"/> when given (a restart), else on a new one deleted at the end.</summary>
    public static async Task<AlertTestSilo> StartAsync(string? postgres = null, string? dataDirectory = null, params (string Key, string Value)[] settings)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("vigil-alerts-test-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Silo:GrpcListen"] = "127.0.0.1:0",
            ["Silo:HttpListen"] = "127.0.0.1:0",
            ["Silo:DataDirectory"] = data,
        };
        if (postgres is not null)
        {
            all["Silo:Postgres"] = postgres;
        }
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var app = SiloApplication.Build(all);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new AlertTestSilo(app, data, dataDirectory is null);
    }

    /// <summary>A new token through the admin API: <paramref name="role"/> viewer, ingest or admin, scoped to <paramref name="cluster"/> when given.</summary>
    public async Task<string> CreateTokenAsync(string role, string? cluster = null)
    {
        using var admin = new HttpClient { BaseAddress = Http.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Credentials.AdminToken);
        var response = await admin.PostAsJsonAsync("api/v1/tokens", new { name = $"test {role}", role, cluster }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("token").GetString()!;
    }

    public void Authorize(string? token) =>
        Http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    /// <summary>Plays a web shell in a new pod of <paramref name="cluster"/>; returns the pod's grain key.</summary>
    public async Task<string> WebShellAsync(string cluster, string ns = "shop", string? pod = null)
    {
        var events = new WebShellEvents(cluster, ns, pod ?? $"web-{Guid.NewGuid():N}"[..16]);
        await App.Services.GetRequiredService<RuntimeDispatcher>().DispatchAsync(cluster, events.Sequence());
        return events.PodKey;
    }

    /// <summary>Waits, batch by batch of the index writer, until <paramref name="condition"/> holds.</summary>
    public async Task WaitForIndexAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var next = Writer.NextBatchWritten;
            if (await condition())
            {
                return;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The alert index never reached the expected state.");
            }
            try
            {
                await next.WaitAsync(left, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                // One last look below.
            }
        }
    }

    public async Task<IndexedAlert> WaitForIndexedAsync(string cluster, string ruleId)
    {
        IndexedAlert? found = null;
        await WaitForIndexAsync(async () =>
        {
            var page = await Store.QueryAsync(new AlertQuery { Filter = new AlertFilter { Clusters = [cluster], Rules = [ruleId] } }, CancellationToken.None);
            found = page.Items.FirstOrDefault();
            return found is not null;
        });
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        if (_ownsData)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
