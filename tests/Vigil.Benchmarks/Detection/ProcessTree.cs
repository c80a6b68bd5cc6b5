using Vigil.Contracts.Events.V1;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// The long-lived processes of one synthetic pod, from the host's init down to the process that serves: what the
/// sensor reports as ancestors. The acting server is a worker under a master for pre-forking servers.
/// </summary>
public sealed class ProcessTree
{
    private const long BootNanos = 1_740_787_200_000_000_000;

    public ProcessTree(SyntheticPod pod)
    {
        var pid = (uint)(10_000 + pod.Index % 50 * 1_000);
        Systemd = Proc(pod, 1, 0, "/usr/lib/systemd/systemd", "--system", "--deserialize", "31");
        Shim = Proc(pod, pid, 1, "/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", pod.ContainerId[..12], "-address", "/run/containerd/containerd.sock");
        Tini = Proc(pod, pid + 1, Shim.Pid, "/usr/bin/tini", "--", "/docker-entrypoint.sh");
        Cron = Proc(pod, pid + 2, Tini.Pid, "/usr/sbin/crond", "-f", "-l", "8");
        (Master, Server) = pod.Workload switch
        {
            WorkloadKind.Nginx => Forking(pod, pid + 3, "/usr/sbin/nginx", "-g", "daemon off;"),
            WorkloadKind.Gunicorn => Forking(pod, pid + 3, "/usr/local/bin/python3.12", "/usr/local/bin/gunicorn", "app:app", "--workers", "4", "--bind", "0.0.0.0:8000"),
            WorkloadKind.Java => Single(pod, pid + 3, "/opt/java/openjdk/bin/java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ledger.jar"),
            WorkloadKind.Node => Single(pod, pid + 3, "/usr/local/bin/node", "/app/server.js"),
            _ => Single(pod, pid + 3, "/app/exporter", "--listen=:9100", "--log-format=json"),
        };
        ServerAncestry = Master is null ? [Tini, Shim, Systemd] : [Master, Tini, Shim, Systemd];
        CronAncestry = [Tini, Shim, Systemd];
        NextPid = pid + 10;
    }

    public Process Systemd { get; }

    public Process Shim { get; }

    public Process Tini { get; }

    public Process Cron { get; }

    public Process? Master { get; }

    /// <summary>The process that serves requests and makes the pod's file, network and DNS calls.</summary>
    public Process Server { get; }

    /// <summary>The server's ancestors, nearest first.</summary>
    public Process[] ServerAncestry { get; }

    public Process[] CronAncestry { get; }

    public uint NextPid { get; set; }

    /// <summary>A process started now: a new pid, as every exec in a real pod gets.</summary>
    public Process Spawn(SyntheticPod pod, Process parent, string binary, params string[] args) =>
        Proc(pod, NextPid++, parent.Pid, binary, args);

    private static Process Proc(SyntheticPod pod, uint pid, uint ppid, string binary, params string[] args)
    {
        var started = BootNanos + pid * 1_000_000L;
        var process = new Process
        {
            Pid = pid,
            Ppid = ppid,
            Binary = binary,
            Cwd = "/",
            Uid = 0,
            User = "root",
            StartTimeUnixNano = started,
            ExecId = $"{pod.Node}:{started}:{pid}",
        };
        process.Args.AddRange(args);
        return process;
    }

    private (Process? Master, Process Server) Forking(SyntheticPod pod, uint pid, string binary, params string[] args)
    {
        var master = Proc(pod, pid, Tini.Pid, binary, args);
        return (master, Proc(pod, pid + 1, pid, binary, args));
    }

    private (Process? Master, Process Server) Single(SyntheticPod pod, uint pid, string binary, params string[] args) =>
        (null, Proc(pod, pid, Tini.Pid, binary, args));
}
