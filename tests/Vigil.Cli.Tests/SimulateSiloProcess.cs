using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Cli.Tests;

/// <summary>
/// The built silo (silo/Vigil.Silo, the configuration these tests were built in) as users run it: its own process,
/// on free loopback ports and a data directory of its own, ready once it prints its ready line.
/// </summary>
public sealed partial class SimulateSiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Match> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SimulateSiloProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public string Http { get; private set; } = "";

    public string Grpc { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static async Task<SimulateSiloProcess> StartAsync(CancellationToken cancellationToken)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Repository.Root, "silo", "Vigil.Silo", "bin", configuration, "net10.0", "Vigil.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the silo first (dotnet build Orleans.sln): {dll} is missing.");
        }
        var data = Directory.CreateTempSubdirectory("vigil-simulate-test-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in new[] { dll, "--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--data-dir", data })
        {
            info.ArgumentList.Add(argument);
        }
        var silo = new SimulateSiloProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, data);
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException("The silo exited before it was ready."));
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        try
        {
            var ready = await silo._ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            silo.Grpc = ready.Groups["grpc"].Value;
            silo.Http = ready.Groups["http"].Value;
            using var credentials = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(data, "credentials.json"), cancellationToken));
            silo.AdminToken = credentials.RootElement.GetProperty("adminToken").GetString()!;
            return silo;
        }
        catch (Exception ex)
        {
            var output = silo.Output;
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The silo did not start: {ex.Message}\n{output}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Add(line);
        }
        if (ReadyLine().Match(line) is { Success: true } match)
        {
            _ready.TrySetResult(match);
        }
    }

    [GeneratedRegex(@"Vigil silo ready: gRPC h2c on (?<grpc>\S+), HTTP on (?<http>[^\s,]+)")]
    private static partial Regex ReadyLine();
}
