using System.Diagnostics;

namespace Vigil.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public void Help_explains_the_commands_arguments_and_exit_codes()
    {
        var root = CliRun.In(Repository.Root, "--help");
        var validate = CliRun.In(Repository.Root, "rules", "validate", "--help");
        var test = CliRun.In(Repository.Root, "rules", "test", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("rules", root.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", root.Output, StringComparison.Ordinal);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("vigil rules validate [<PATH>...]", validate.Output, StringComparison.Ordinal);
        Assert.Contains("0 no errors (warnings allowed), 1 errors found, 2 bad usage", validate.Output, StringComparison.Ordinal);
        Assert.Contains("--format <json|text>", validate.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 every case passed", test.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "validate", "--format", "xml")]
    [InlineData("rules", "frobnicate")]
    [InlineData("rules", "validate", "--no-such-option")]
    [InlineData]
    public void Bad_usage_exits_2_with_a_pointer_to_help(params string[] args)
    {
        var run = CliRun.In(Repository.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'vigil --help'", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task The_built_vigil_executable_returns_the_exit_code_to_the_shell()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "vigil.dll");
        using var dir = new RuleDirectory().Write("bad.yaml", RuleYaml.Rule("t.bad", "proc.nme = sh"));
        var start = new ProcessStartInfo("dotnet", [dll, "rules", "validate", "bad.yaml"])
        {
            WorkingDirectory = dir.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail("vigil did not exit within 60 s");
        }

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("bad.yaml:9:16: error VR001: unknown field 'proc.nme'", await output, StringComparison.Ordinal);
    }
}
