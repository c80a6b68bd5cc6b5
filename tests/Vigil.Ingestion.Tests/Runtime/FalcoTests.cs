using System.Net;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Runtime;

public sealed class FalcoTests
{
    [Fact]
    public void Json_output_maps_proc_fd_container_and_k8s_fields()
    {
        var (events, report) = Collect.Falco(Samples.Read("falco.jsonl"), "prod-eu");

        Assert.Equal((3, 2, 2), (report.Parsed, report.Skipped, report.Failed));

        var shell = events[0];
        Assert.Equal(RuntimeEvent.KindOneofCase.Exec, shell.KindCase);
        Assert.Equal(("worker-2", "prod-eu"), (shell.Context.Node, shell.Context.Cluster));
        Assert.Equal(("default", "nginx-5c7f8-zxcvb", "6c0a7e41-0000-4000-8000-000000000002"), (shell.Context.PodNamespace, shell.Context.PodName, shell.Context.PodUid));
        Assert.Equal(("nginx", "docker.io/library/nginx:1.25"), (shell.Context.ContainerName, shell.Context.Image));
        Assert.Equal(64, shell.Context.ContainerId.Length);
        Assert.Equal(1743588000000000000, shell.Context.TimeUnixNano);
        Assert.Equal(("/usr/bin/bash", 31337u, 31300u, 0u, "root", "/"), (shell.Process.Binary, shell.Process.Pid, shell.Process.Ppid, shell.Process.Uid, shell.Process.User, shell.Process.Cwd));
        Assert.Equal(["-il"], shell.Process.Args);
        Assert.Equal(["/usr/bin/runc", "containerd-shim", "systemd"], shell.Ancestors.Select(a => a.Binary));
        Assert.Equal([31300u, 4100u, 1u], shell.Ancestors.Select(a => a.Pid));
        Assert.Equal(["exec", "-t", "nginx"], shell.Ancestors[0].Args);
        Assert.Equal(4100u, shell.Ancestors[0].Ppid);
        Assert.Equal(0, shell.Errno);

        var open = events[1];
        Assert.Equal((FileOperation.Open, "/etc/shadow", 13), (open.File.Operation, open.File.Path, open.Errno));
        Assert.Equal(0x80000u, open.File.Flags);
        Assert.Equal("bash", open.Ancestors[0].Binary);

        var connect = events[2];
        Assert.Equal(IPAddress.Parse("169.254.169.254").GetAddressBytes(), connect.Connect.DestinationAddress.ToByteArray());
        Assert.Equal(IPAddress.Parse("10.244.2.31").GetAddressBytes(), connect.Connect.SourceAddress.ToByteArray());
        Assert.Equal((80u, 50522u, Protocol.Tcp), (connect.Connect.DestinationPort, connect.Connect.SourcePort, connect.Connect.Protocol));

        Assert.Contains("'k8s_audit'", Collect.Single(report, 4).Reason, StringComparison.Ordinal);
        Assert.Contains("'unlinkat'", Collect.Single(report, 5).Reason, StringComparison.Ordinal);
        Assert.Contains("proc.pid", Collect.Single(report, 6).Reason, StringComparison.Ordinal);
        Assert.Contains("output_fields", Collect.Single(report, 7).Reason, StringComparison.Ordinal);
    }
}
