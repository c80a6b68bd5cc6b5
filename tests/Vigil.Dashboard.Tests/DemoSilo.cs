using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.TestSupport;

[assembly: AssemblyFixture(typeof(Vigil.Dashboard.Tests.DemoSilo))]

namespace Vigil.Dashboard.Tests;

/// <summary>
/// The silo as a newcomer starts it: its own process with <c>--demo</c>, shared by every browser test. Rounds are
/// 20 s apart here (three minutes by default) so a test can watch the second round arrive on an open page.
/// </summary>
public sealed partial class DemoSilo : IAsyncLifetime
{
    public static readonly TimeSpan RoundInterval = TimeSpan.FromSeconds(20);

    private ChildProcess? _process;
    private string? _data;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public string AdminToken { get; private set; } = "";

    public string ViewerToken { get; private set; } = "";

    public string IngestToken { get; private set; } = "";

    public string Output => _process?.Output ?? "";

    public async ValueTask InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("vigil-dashboard-test-").FullName;
        _process = ChildProcess.Start(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Vigil.Silo.dll"), "--demo", "--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--data-dir", _data],
            AppContext.BaseDirectory,
            new Dictionary<string, string> { ["VIGIL_Demo__Interval"] = RoundInterval.ToString() });
        var ready = await _process.WaitForLineAsync(l => ReadyLine().IsMatch(l), TimeSpan.FromSeconds(90));
        BaseUri = new Uri($"http://{ReadyLine().Match(ready).Groups["http"].Value}/");

        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "credentials.json")));
        AdminToken = credentials.RootElement.GetProperty("adminToken").GetString()!;
        IngestToken = credentials.RootElement.GetProperty("ingestToken").GetString()!;
        ViewerToken = await CreateTokenAsync("viewer");
    }

    /// <summary>How many demo rounds the silo says it has played so far.</summary>
    public int RoundsPlayed => RoundPlayed().Matches(Output).Count;

    /// <summary>Waits for the silo to say it played <paramref name="round"/> (at once if it already has).</summary>
    public Task WaitForRoundAsync(int round) =>
        _process!.WaitForLineAsync(l => l.Contains($"Demo round {round}: played", StringComparison.Ordinal), RoundInterval * (round + 2));

    /// <summary>The rule id behind an alert title (stateful detectors have no rule file), from the alerts served.</summary>
    public async Task<string> RuleIdAsync(string title)
    {
        using var client = Client(ViewerToken);
        using var page = JsonDocument.Parse(await client.GetStringAsync("api/v1/alerts?limit=500"));
        return page.RootElement.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("title").GetString() == title).GetProperty("ruleId").GetString()!;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> CreateTokenAsync(string role)
    {
        using var client = Client(AdminToken);
        using var response = await client.PostAsJsonAsync("api/v1/tokens", new { role, name = $"dashboard tests ({role})" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
        if (_data is not null)
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [GeneratedRegex(@"Demo round \d+: played")]
    private static partial Regex RoundPlayed();

    [GeneratedRegex(@"Vigil silo ready: gRPC h2c on \S+, HTTP on (?<http>[^\s,]+)")]
    private static partial Regex ReadyLine();
}
