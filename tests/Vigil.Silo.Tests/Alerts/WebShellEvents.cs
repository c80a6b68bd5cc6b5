using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>A web shell in one pod, as its sensor reports it: nginx spawns a shell that runs <c>id</c>.</summary>
public sealed class WebShellEvents(string cluster, string ns, string pod)
{
    public const string RuleId = "vigil.runtime.web-shell";

    private readonly string _uid = Guid.NewGuid().ToString();

    public string PodKey => EntityKeys.Pod(cluster, ns, _uid);

    public RuntimeEvent[] Sequence()
    {
        var shim = Proc(90, 1, "/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io");
        var nginx = Proc(100, 90, "/usr/sbin/nginx", "-g", "daemon off;");
        var shell = Proc(200, 100, "/bin/sh", "-c", "id");
        var id = Proc(201, 200, "/usr/bin/id");
        return [Exec(nginx, shim), Exec(shell, nginx, shim), Exec(id, shell, nginx, shim)];
    }

    private RuntimeEvent Exec(Process process, params Process[] ancestors)
    {
        var value = new RuntimeEvent
        {
            Context = new EventContext
            {
                Cluster = cluster, Node = "node-1", ContainerId = "c0ffee", ContainerName = "web", Image = "nginx:1.27",
                PodUid = _uid, PodNamespace = ns, PodName = pod,
                TimeUnixNano = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100,
            },
            Process = process,
            Exec = new ProcessExec(),
        };
        value.Ancestors.AddRange(ancestors);
        return value;
    }

    private static Process Proc(uint pid, uint ppid, string binary, params string[] args)
    {
        var process = new Process { Pid = pid, Ppid = ppid, Binary = binary, User = "www-data", Uid = 33, Cwd = "/" };
        process.Args.AddRange(args);
        return process;
    }
}
