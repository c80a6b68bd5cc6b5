namespace Vigil.Silo;

/// <summary>The silo's command line: a few named switches mapped onto configuration keys.</summary>
public static class SiloCommandLine
{
    public const string Usage = """
        Usage: Vigil.Silo [options]

        Runs one Vigil silo: gRPC (h2c) for sensors and ingesters, HTTP for health probes and the API.

        Options:
          --grpc-listen ADDRESS:PORT   gRPC endpoint (default 127.0.0.1:50051; port 0 picks a free one)
          --http-listen ADDRESS:PORT   HTTP endpoint (default 127.0.0.1:8080; port 0 picks a free one)
          --data-dir PATH              embedded store directory (default ./vigil-data; state survives restarts)
          --postgres CONNECTION        join the cluster on this PostgreSQL (state, membership, shard leases), e.g.
                                       "Host=127.0.0.1;Port=5432;Username=vigil;Password=...;Database=vigil"
          --rules PATH                 detection rules directory (default: the rules shipped with the silo);
                                       edits are reloaded while running, and on SIGHUP; a set that does not
                                       compile is refused and the previous one stays in force
          --silo-id NAME               this silo's cluster name (default: host name and gRPC port)
          --advertise ADDRESS:PORT     the gRPC address other silos use (default: --grpc-listen)
          --demo                       play the attack simulator's scenarios into cluster "demo" at start and
                                       every 3 minutes (Demo:Interval), so the dashboard has alerts at once
          -h, --help                   Show this help.

        Every setting can also come from appsettings.json or the environment, e.g. VIGIL_Silo__GrpcListen or
        VIGIL_Silo__Postgres. Runtime tuning lives under Runtime (e.g. VIGIL_Runtime__CallTimeout=00:00:10).
        On first start the silo writes an admin and an ingest token to DATA_DIR/credentials.json (mode 0600) and
        logs where; every /api/ request needs one as "Authorization: Bearer TOKEN" (vigil token manages them).

        Endpoints (HTTP):
          GET  /                                                      the dashboard (sign in with a viewer or admin token)
          GET  /healthz, /readyz                                      alive; serving (no token)
          POST /api/v1/clusters/{c}/audit                             audit logs: webhook, log lines, AKS, EKS, GKE
          POST /api/v1/clusters/{c}/events/tetragon | /events/falco   runtime events from Tetragon or Falco JSON
          POST /api/v1/clusters/{c}/admission                         validating admission webhook (AdmissionReview v1)
          GET  /api/v1/alerts[/{id}], /api/v1/alerts/stream (SSE)     alerts; PATCH /api/v1/alerts/{id} sets status
          GET  /api/v1/clusters[/{c}[/nodes/{n}|/namespaces/{ns}[/pods/{p}|/serviceaccounts/{sa}]]]
          GET  /api/v1/silos, /api/v1/shards, /api/v1/rules           operators: cluster, shards, rules in force
          /api/v1/tokens                                              create, list and revoke tokens (admin)
        gRPC: vigil.v1.SensorIngest/Stream (sensors, with durable acks), grpc.health.v1.Health.
        Ctrl+C or SIGTERM stops the silo cleanly.
        """;

    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--grpc-listen"] = $"{SiloOptions.Section}:{nameof(SiloOptions.GrpcListen)}",
        ["--http-listen"] = $"{SiloOptions.Section}:{nameof(SiloOptions.HttpListen)}",
        ["--data-dir"] = $"{SiloOptions.Section}:{nameof(SiloOptions.DataDirectory)}",
        ["--postgres"] = $"{SiloOptions.Section}:{nameof(SiloOptions.Postgres)}",
        ["--rules"] = $"{SiloOptions.Section}:{nameof(SiloOptions.RulesDirectory)}",
        ["--silo-id"] = $"{SiloOptions.Section}:{nameof(SiloOptions.SiloId)}",
        ["--advertise"] = $"{SiloOptions.Section}:{nameof(SiloOptions.Advertise)}",
    };

    /// <summary>Switches that take no value: each sets its key to true.</summary>
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--demo"] = "Demo:Enabled",
    };

    /// <summary>Configuration overrides from <paramref name="args"/>; an error message for anything unknown.</summary>
    public static (Dictionary<string, string?> Settings, bool Help, string? Error) Parse(IReadOnlyList<string> args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return (settings, true, null);
            }

            if (Flags.TryGetValue(arg, out var flag))
            {
                settings[flag] = "true";
                continue;
            }

            var (name, value) = arg.Split('=', 2) is [var n, var v] ? (n, (string?)v) : (arg, null);
            if (!Switches.TryGetValue(name, out var key))
            {
                return (settings, false, $"Unknown option '{arg}'.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return (settings, false, $"Option '{name}' needs a value.");
                }

                value = args[++i];
            }

            settings[key] = value;
        }

        return (settings, false, null);
    }
}
