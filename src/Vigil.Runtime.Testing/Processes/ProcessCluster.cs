namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// Silos as real OS processes on one PostgreSQL database, each running a test silo executable (one that calls
/// <see cref="TestSiloProgram.RunAsync"/>). Disposing it kills every process still running.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly string _assembly;
    private readonly SiloProcessOptions _defaults;
    private readonly List<SiloProcessHandle> _silos = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// A cluster of silos that run <paramref name="siloAssembly"/> (with the same <c>dotnet</c> as this process) on
    /// <paramref name="postgres"/>, which must be a database of its own: membership and leases are cluster-wide.
    /// </summary>
    public ProcessCluster(string siloAssembly, string postgres, SiloProcessOptions? defaults = null)
    {
        if (!File.Exists(siloAssembly))
        {
            throw new FileNotFoundException($"No test silo at {siloAssembly}.", siloAssembly);
        }

        _assembly = Path.GetFullPath(siloAssembly);
        Postgres = postgres;
        _defaults = defaults ?? new SiloProcessOptions();
    }

    public string Postgres { get; }

    public IReadOnlyList<SiloProcessHandle> Silos => _silos;

    public SiloProcessHandle this[string siloId] => _silos.Single(s => s.SiloId == siloId);

    /// <summary>
    /// The dll of a test silo executable built beside the caller (a project reference copies it there), or else
    /// under <c>tests/NAME/bin/CONFIGURATION/TARGET</c> of the checkout the caller was built in.
    /// </summary>
    public static string LocateSiloAssembly(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".runtimeconfig.json")))
        {
            return beside;
        }

        // bin/CONFIGURATION/TARGET under the caller's project: the same two levels under the silo's project.
        var target = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = target.Parent;
        for (var dir = configuration?.Parent?.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", name, "bin", configuration!.Name, target.Name, name + ".dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name}.dll is neither in {AppContext.BaseDirectory} nor under a tests/{name}/bin folder above it: build it first.");
    }

    /// <summary>Starts a silo and returns once it printed its ready line (joined, first lease cycle done, endpoints bound).</summary>
    public async Task<SiloProcessHandle> StartSiloAsync(string siloId, SiloProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (_silos.Any(s => s.SiloId == siloId))
        {
            throw new InvalidOperationException($"Silo {siloId} is already in this cluster: restart its handle instead.");
        }

        var chosen = options ?? _defaults;
        var silo = new SiloProcessHandle(DotnetHost(), _assembly, chosen.For(Postgres, siloId), chosen.StartTimeout, _http);
        _silos.Add(silo);
        await silo.StartAsync(cancellationToken).ConfigureAwait(false);
        return silo;
    }

    /// <summary>Starts several silos at once.</summary>
    public Task<SiloProcessHandle[]> StartSilosAsync(IEnumerable<string> siloIds, SiloProcessOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.WhenAll(siloIds.ToArray().Select(id => StartSiloAsync(id, options, cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_silos.Select(s => s.KillIfRunningAsync())).ConfigureAwait(false);
        _http.Dispose();
    }

    private static string DotnetHost()
    {
        // The SDK tells child tools which host it runs; otherwise this process's own host, if it is dotnet.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
