using Vigil.Scenarios;

namespace Vigil.Cli.Tests;

/// <summary>
/// Issue 6's acceptance: <c>vigil simulate all</c> against the silo as users run it fires every alert DESIGN §1's
/// table expects, through the sensor stream and the audit endpoint, and reports each as fired.
/// </summary>
public sealed class SimulateAcceptanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CliRun> SimulateAsync(SimulateSiloProcess silo, params string[] extra)
    {
        // The command is synchronous at its entry point, as for users; off the test's thread so the test can time out.
        var run = await Task.Run(() => CliRun.In(Repository.Root,
            ["simulate", .. extra, "--url", $"http://{silo.Http}", "--grpc", silo.Grpc, "--token", silo.AdminToken]), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(run.ToString());
        return run;
    }

    [Fact]
    public async Task Simulate_all_against_the_silo_fires_every_expected_alert_of_design_section_1()
    {
        await using var silo = await SimulateSiloProcess.StartAsync(Ct);

        var run = await SimulateAsync(silo, "all");

        Assert.True(run.ExitCode == 0, $"{run}\n--- silo\n{silo.Output}");
        var expected = AttackScenarios.Names.SelectMany(name => AttackScenarios.Build(name, "x", DateTimeOffset.UnixEpoch).Expected.Select(e => (name, e.Title))).ToList();
        Assert.Equal(14, expected.Count);
        foreach (var (scenario, title) in expected)
        {
            Assert.Contains(run.OutputLines, line => line.StartsWith(scenario + " ", StringComparison.Ordinal)
                && line.Contains(title, StringComparison.Ordinal) && line.Contains(" fired ", StringComparison.Ordinal));
        }
        Assert.Contains("14 of 14 expected alerts fired", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_raises_new_alerts_rather_than_adding_to_the_first()
    {
        await using var silo = await SimulateSiloProcess.StartAsync(Ct);

        var first = await SimulateAsync(silo, "webshell");
        var second = await SimulateAsync(silo, "webshell");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("1 of 1 expected alerts fired", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_token_without_an_ingest_token_is_refused_and_the_run_fails()
    {
        await using var silo = await SimulateSiloProcess.StartAsync(Ct);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", silo.AdminToken);
        var created = await http.PostAsync($"http://{silo.Http}/api/v1/tokens",
            new StringContent("""{"name": "viewer", "role": "viewer"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var viewer = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("token").GetString()!;

        var run = await Task.Run(() => CliRun.In(Repository.Root,
            "simulate", "recon", "--url", $"http://{silo.Http}", "--grpc", silo.Grpc, "--token", viewer, "--timeout", "10"), Ct);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("vigil:", run.Error, StringComparison.Ordinal);
    }
}
