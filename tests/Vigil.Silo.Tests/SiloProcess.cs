using System.Text.RegularExpressions;
using Vigil.TestSupport;

namespace Vigil.Silo.Tests;

/// <summary>The silo as users run it: its own OS process, on ports it picks and announces.</summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private SiloProcess(ChildProcess process, string grpc, string http, string dataDirectory)
    {
        Process = process;
        Grpc = grpc;
        Http = http;
        DataDirectory = dataDirectory;
    }

    public ChildProcess Process { get; }

    /// <summary>The gRPC endpoint, host:port.</summary>
    public string Grpc { get; }

    /// <summary>The HTTP endpoint, host:port.</summary>
    public string Http { get; }

    /// <summary>The silo's own embedded-store directory, deleted with the process.</summary>
    public string DataDirectory { get; }

    public static async Task<SiloProcess> StartAsync(params string[] extraArguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Vigil.Silo.dll");
        var data = Directory.CreateTempSubdirectory("vigil-silo-test-").FullName;
        var process = ChildProcess.Start(
            "dotnet",
            [dll, "--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--data-dir", data, .. extraArguments],
            AppContext.BaseDirectory);
        try
        {
            var line = await process.WaitForLineAsync(l => ReadyLine().IsMatch(l), TimeSpan.FromSeconds(60));
            var match = ReadyLine().Match(line);
            return new SiloProcess(process, match.Groups["grpc"].Value, match.Groups["http"].Value, data);
        }
        catch
        {
            await process.DisposeAsync();
            Directory.Delete(data, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    [GeneratedRegex(@"Vigil silo ready: gRPC h2c on (?<grpc>\S+), HTTP on (?<http>[^\s,]+)")]
    private static partial Regex ReadyLine();
}
