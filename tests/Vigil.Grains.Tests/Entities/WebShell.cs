using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Tests.Entities;

/// <summary>
/// A web shell at work: nginx under the container shim, a shell it spawned for an injected command, and the
/// reconnaissance the attacker runs first.
/// </summary>
public static class WebShell
{
    public static readonly Process Shim = PodEvents.Proc(90, 1, "/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io");
    public static readonly Process Nginx = PodEvents.Proc(100, 90, "/usr/sbin/nginx", "-g", "daemon off;");
    public static readonly Process Shell = PodEvents.Proc(200, 100, "/bin/sh", "-c", "id; whoami");
    public static readonly Process Id = PodEvents.Proc(201, 200, "/usr/bin/id");
    public static readonly Process Whoami = PodEvents.Proc(202, 200, "/usr/bin/whoami");

    public static RuntimeEvent[] Sequence(PodEvents pod) =>
    [
        pod.Exec(Nginx, Shim),
        pod.File(Nginx, FileOperation.Open, "/etc/nginx/nginx.conf"),
        pod.Exec(Shell, Nginx, Shim),
        pod.Exec(Id, Shell, Nginx, Shim),
        pod.Exit(Id),
        pod.Exec(Whoami, Shell, Nginx, Shim),
    ];

    public static RuntimeEvent WhoamiAgain(PodEvents pod) => pod.Exec(Whoami, Shell, Nginx, Shim);
}
