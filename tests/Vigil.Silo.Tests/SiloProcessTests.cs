using System.Net;
using Vigil.TestSupport;

namespace Vigil.Silo.Tests;

public sealed class SiloProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_started_silo_is_healthy_ready_and_serving_to_a_grpc_js_health_check()
    {
        await using var silo = await SiloProcess.StartAsync();
        using var http = new HttpClient();

        var healthz = await http.GetAsync($"http://{silo.Http}/healthz", Ct);
        var readyz = await http.GetAsync($"http://{silo.Http}/readyz", Ct);
        var check = await NodePeer.RunClientCaseAsync(silo.Grpc, "health", Ct);

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Equal("SERVING", check.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(silo.DataDirectory, "vigil.db")), "the embedded store was not created");
    }

    [Fact]
    public async Task Ctrl_c_stops_the_silo_cleanly()
    {
        await using var silo = await SiloProcess.StartAsync();

        var exitCode = await silo.Process.InterruptAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.Contains("stopping: no longer ready", silo.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_out_of_reach_stops_start_up_with_one_clear_line()
    {
        var port = FreePort.Next();
        await using var process = ChildProcess.Start(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Vigil.Silo.dll"), "--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
                "--postgres", $"Host=127.0.0.1;Port={port};Username=nobody;Timeout=3"]);

        Assert.Equal(1, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Vigil silo could not start:", process.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--grpc-listen", "needs a value")]
    [InlineData("--postgres=not a connection string", "Postgres is not a connection string")]
    public async Task Bad_arguments_exit_with_code_2_and_say_why(string argument, string expected)
    {
        await using var process = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Vigil.Silo.dll"), argument]);

        Assert.Equal(2, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(expected, process.Output, StringComparison.Ordinal);
    }
}
