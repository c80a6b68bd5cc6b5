using Vigil.Cli.Simulate;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil simulate</c>'s usage: what it refuses before sending anything.</summary>
public sealed class SimulateCommandTests
{
    [Theory]
    [InlineData(new[] { "simulate", "ransomware", "--token", "t" }, "ransomware")]
    [InlineData(new[] { "simulate", "all", "--token", "t", "--timeout", "0" }, "--timeout must be")]
    [InlineData(new[] { "simulate", "all", "--token", "t", "--grpc", "ftp://host:1" }, "--grpc 'ftp://host:1'")]
    [InlineData(new[] { "simulate", "all", "--token", "t", "--url", "nowhere" }, "--url 'nowhere'")]
    public void Bad_usage_exits_2_and_says_why(string[] args, string message)
    {
        var run = CliRun.In(Repository.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_the_scenarios_the_paths_and_the_exit_codes()
    {
        var run = CliRun.In(Repository.Root, "simulate", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "recon", "lateral", "secrets", "crypto", "webshell", "all", "--grpc", "--timeout", "/audit", "Exit codes" })
        {
            Assert.Contains(word, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:50051/")]
    [InlineData("127.0.0.1:6000", "http://127.0.0.1:6000/")]
    [InlineData("http://[::1]:7000", "http://[::1]:7000/")]
    public void The_grpc_address_defaults_to_the_url_host_on_port_50051(string? given, string expected)
    {
        Assert.Equal(expected, SimulateCommand.GrpcAddress(given, new Uri("http://127.0.0.1:8080"))!.ToString());
    }
}
