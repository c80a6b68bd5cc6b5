using System.Globalization;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>The command line of a test silo process. Durations are seconds (fractions allowed).</summary>
public static class TestSiloCommandLine
{
    public const string Usage = """
        Options:
          --postgres CONNECTION      the cluster's PostgreSQL (required)
          --silo-id NAME             this silo's cluster name (required; keep it to restart the same silo)
          --grpc-listen HOST:PORT    gRPC h2c endpoint (default 127.0.0.1:0, a free port picked before binding)
          --http-listen HOST:PORT    HTTP/1 control endpoint (default 127.0.0.1:0)
          --renew-period SECONDS     lease renewal period (default: ClusterOptions)
          --lease-ttl SECONDS        lease lifetime (default: ClusterOptions)
          --self-fence-after SECONDS stop serving after this long without a renewal (default: ClusterOptions)
          --max-handoffs N           shards handed off per cycle on a planned move (default: ClusterOptions)
          --call-timeout SECONDS     grain call timeout (default: GrainRuntimeOptions)
          --record-commits           write every commit's (shard, epoch, silo, incarnation) to vigil_commit_log
          --exit-with-parent         exit when stdin closes
        SIGTERM is a planned shutdown: every shard is handed off before the process exits.
        """;

    /// <summary>The options, or an error message that names the offending argument.</summary>
    public static (TestSiloOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--record-commits" or "--exit-with-parent")
            {
                flags.Add(name);
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                return (null, $"Unknown or incomplete option '{name}'.");
            }
        }

        if (!values.TryGetValue("--postgres", out var postgres) || !values.TryGetValue("--silo-id", out var siloId))
        {
            return (null, "--postgres and --silo-id are required.");
        }

        try
        {
            var options = new TestSiloOptions
            {
                Postgres = postgres,
                SiloId = siloId,
                GrpcListen = values.GetValueOrDefault("--grpc-listen", "127.0.0.1:0"),
                HttpListen = values.GetValueOrDefault("--http-listen", "127.0.0.1:0"),
                RenewPeriod = Seconds(values, "--renew-period"),
                LeaseTimeToLive = Seconds(values, "--lease-ttl"),
                SelfFenceAfter = Seconds(values, "--self-fence-after"),
                CallTimeout = Seconds(values, "--call-timeout"),
                MaxHandoffsPerCycle = values.TryGetValue("--max-handoffs", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : null,
                RecordCommits = flags.Contains("--record-commits"),
                ExitWithParent = flags.Contains("--exit-with-parent"),
            };
            var known = new[] { "--postgres", "--silo-id", "--grpc-listen", "--http-listen", "--renew-period", "--lease-ttl", "--self-fence-after", "--call-timeout", "--max-handoffs" };
            var unknown = values.Keys.FirstOrDefault(k => !known.Contains(k));
            return unknown is null ? (options, null) : (null, $"Unknown option '{unknown}'.");
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The arguments that start a process with <paramref name="options"/>: the inverse of <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> Format(TestSiloOptions options)
    {
        var args = new List<string> { "--postgres", options.Postgres, "--silo-id", options.SiloId, "--grpc-listen", options.GrpcListen, "--http-listen", options.HttpListen };
        void Add(string name, TimeSpan? value)
        {
            if (value is { } v)
            {
                args.Add(name);
                args.Add(v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }

        Add("--renew-period", options.RenewPeriod);
        Add("--lease-ttl", options.LeaseTimeToLive);
        Add("--self-fence-after", options.SelfFenceAfter);
        Add("--call-timeout", options.CallTimeout);
        if (options.MaxHandoffsPerCycle is { } handoffs)
        {
            args.Add("--max-handoffs");
            args.Add(handoffs.ToString(CultureInfo.InvariantCulture));
        }

        if (options.RecordCommits)
        {
            args.Add("--record-commits");
        }

        if (options.ExitWithParent)
        {
            args.Add("--exit-with-parent");
        }

        return args;
    }

    private static TimeSpan? Seconds(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"{name} needs a positive number of seconds, not '{text}'.");
    }
}
