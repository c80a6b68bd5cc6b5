using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// One silo of a <see cref="ProcessCluster"/>: a real OS process a test can crash (SIGKILL), freeze (SIGSTOP) and
/// thaw (SIGCONT), stop the planned way (SIGTERM), and start again under the same silo id.
/// </summary>
public sealed class SiloProcessHandle
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _host;
    private readonly string _assembly;
    private readonly TestSiloOptions _options;
    private readonly TimeSpan _startTimeout;
    private readonly HttpClient _http;
    private Process? _process;
    private ProcessOutput _output = new(0);

    internal SiloProcessHandle(string host, string assembly, TestSiloOptions options, TimeSpan startTimeout, HttpClient http)
    {
        _host = host;
        _assembly = assembly;
        _options = options;
        _startTimeout = startTimeout;
        _http = http;
    }

    public string SiloId => _options.SiloId;

    /// <summary>This start's incarnation in the membership table: greater after every restart.</summary>
    public long Incarnation { get; private set; }

    /// <summary>host:port of the gRPC endpoint other silos call.</summary>
    public string GrpcAddress { get; private set; } = string.Empty;

    /// <summary>host:port of the HTTP/1 control endpoints.</summary>
    public string HttpAddress { get; private set; } = string.Empty;

    public int ProcessId => _process?.Id ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    public bool IsPaused { get; private set; }

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output => _output.Tail;

    /// <summary>SIGKILL, as in a crash: no hand-off, no flush. Returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        var process = Running();
        process.Kill();
        await process.WaitForExitAsync().ConfigureAwait(false);
        IsPaused = false;
    }

    /// <summary>SIGSTOP: the process stops running (its clocks do not), as a long GC pause or a frozen VM would.</summary>
    public void Pause()
    {
        PosixSignal.Send(Running().Id, PosixSignal.Stop);
        IsPaused = true;
    }

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume()
    {
        PosixSignal.Send(Running().Id, PosixSignal.Continue);
        IsPaused = false;
    }

    /// <summary>SIGTERM, the planned shutdown (every shard handed off), and its exit code; a timeout reports the output.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        var process = Running();
        if (IsPaused)
        {
            Resume();
        }

        PosixSignal.Send(process.Id, PosixSignal.Term);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Silo {SiloId} did not exit within {timeout.TotalSeconds:0.#} s of SIGTERM. Output:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Starts the silo again under the same id (a new incarnation, new ports). The old process must have exited.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        IsRunning
            ? throw new InvalidOperationException($"Silo {SiloId} is still running: kill or stop it before restarting it.")
            : StartAsync(cancellationToken);

    public Task<TestSiloStatus> StatusAsync(CancellationToken cancellationToken = default) => GetAsync<TestSiloStatus>("control/status", cancellationToken);

    public Task<CallReport> CallAsync(CallRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<CallRequest, CallReport>("control/call", request, cancellationToken);

    public Task<LoadReport> LoadAsync(LoadRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LoadRequest, LoadReport>("control/load", request, cancellationToken);

    /// <summary>Ends the loads running on this silo early; each reports what it did so far.</summary>
    public async Task StopLoadsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(Uri("control/load/stop"), content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The loads running on this silo measure latency afresh from now (results still count from their start).</summary>
    public async Task MarkLoadsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(Uri("control/load/mark"), content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public Task<Dictionary<string, ProbeResult>> ProbeAsync(ProbeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ProbeRequest, Dictionary<string, ProbeResult>>("control/probe", request, cancellationToken);

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<T>(Uri(path), Json, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Silo {SiloId} answered {path} with null.");

    public async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync(Uri(path), body, Json, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"Silo {SiloId} answered {path} with {(int)response.StatusCode}: {text}");
        }

        return await response.Content.ReadFromJsonAsync<TResponse>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Silo {SiloId} answered {path} with null.");
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
        };
        info.ArgumentList.Add(_assembly);
        foreach (var argument in TestSiloCommandLine.Format(_options))
        {
            info.ArgumentList.Add(argument);
        }

        var output = new ProcessOutput(keep: 400);
        var ready = output.NextAsync(line => TestSiloReadyLine.TryParse(line)?.SiloId == SiloId);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            // Only stdout's end closes the output; stderr's end would close it twice.
            if (e.Data is not null)
            {
                output.Add(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _output = output;
        _process?.Dispose();
        _process = process;
        IsPaused = false;

        string line;
        try
        {
            line = await ready.WaitAsync(_startTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or EndOfStreamException)
        {
            var why = ex is TimeoutException ? $"printed no ready line within {_startTimeout.TotalSeconds:0.#} s" : "exited before it was ready";
            if (!process.HasExited)
            {
                process.Kill();
            }

            throw new InvalidOperationException($"Silo {SiloId} {why}. Output:\n{output.Tail}", ex);
        }

        var parsed = TestSiloReadyLine.TryParse(line)!;
        Incarnation = parsed.Incarnation;
        GrpcAddress = parsed.Grpc;
        HttpAddress = parsed.Http;
    }

    /// <summary>SIGKILL if still running (a paused process too), and wait for it.</summary>
    internal async Task KillIfRunningAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process?.Dispose();
        _process = null;
    }

    private Process Running() =>
        _process is { HasExited: false } process ? process : throw new InvalidOperationException($"Silo {SiloId} is not running.");

    private Uri Uri(string path) => new($"http://{HttpAddress}/{path}");
}
