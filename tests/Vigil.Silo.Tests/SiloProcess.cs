using System.Text.RegularExpressions;
using Vigil.TestSupport;

namespace Vigil.Silo.Tests;

/// <summary>The silo as users run it: its own OS process, on ports it picks and announces.</summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private SiloProcess(ChildProcess process, string grpc, string http)
    {
        Process = process;
        Grpc = grpc;
        Http = http;
    }

    public ChildProcess Process { get; }

    /// <summary>The gRPC endpoint, host:port.</summary>
    public string Grpc { get; }

    /// <summary>The HTTP endpoint, host:port.</summary>
    public string Http { get; }

    public static async Task<SiloProcess> StartAsync(params string[] extraArguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Vigil.Silo.dll");
        var process = ChildProcess.Start(
            "dotnet",
            [dll, "--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", .. extraArguments],
            AppContext.BaseDirectory);
        try
        {
            var line = await process.WaitForLineAsync(l => ReadyLine().IsMatch(l), TimeSpan.FromSeconds(60));
            var match = ReadyLine().Match(line);
            return new SiloProcess(process, match.Groups["grpc"].Value, match.Groups["http"].Value);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"Vigil silo ready: gRPC h2c on (?<grpc>\S+), HTTP on (?<http>\S+)")]
    private static partial Regex ReadyLine();
}
