using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection.Cases;

namespace Vigil.Grains.Tests.Detection;

/// <summary>The case format maps onto the wire messages, and a mistake in a tests file names its line.</summary>
public sealed class EventCaseParserTests
{
    private static RuleCaseFile Read(string yaml) => RuleCaseReader.Read("x.tests.yaml", yaml);

    [Fact]
    public void A_case_becomes_the_message_a_sensor_would_send()
    {
        var file = Read("""
            rule: r1
            context: {namespace: shop, pod: web-0}
            positive:
              - name: refused write
                proc: /bin/sh
                args: -c 'echo'
                open: /etc/ld.so.preload
                flags: [O_WRONLY, O_CREAT]
                errno: EACCES
                ancestors: ['/usr/sbin/nginx -g daemon', {binary: /usr/bin/containerd-shim, pid: 7}]
            negative:
              - {name: on the host, host: true, connect: '[fd00:ec2::254]:80', from: '10.0.0.1:5000', proto: udp}
            """);

        Assert.Equal("r1", file.RuleId);
        var positive = file.Cases[0].Event.Runtime!;
        Assert.True(file.Cases[0].Positive);
        Assert.Equal("shop", positive.Context.PodNamespace);
        Assert.Equal("web-0", positive.Context.PodName);
        Assert.Equal(["-c", "'echo'"], positive.Process.Args);
        Assert.Equal(FileOperation.Open, positive.File.Operation);
        Assert.Equal(0x41u, positive.File.Flags);
        Assert.Equal(13, positive.Errno);
        Assert.Equal(["/usr/sbin/nginx", "/usr/bin/containerd-shim"], positive.Ancestors.Select(a => a.Binary));
        Assert.Equal(["-g", "daemon"], positive.Ancestors[0].Args);
        Assert.Equal(7u, positive.Ancestors[1].Pid);

        var negative = file.Cases[1].Event.Runtime!;
        Assert.False(file.Cases[1].Positive);
        Assert.Equal("", negative.Context.ContainerId);
        Assert.Equal("", negative.Context.PodNamespace);
        Assert.Equal(80u, negative.Connect.DestinationPort);
        Assert.Equal(16, negative.Connect.DestinationAddress.Length);
        Assert.Equal(Protocol.Udp, negative.Connect.Protocol);
    }

    [Theory]
    [InlineData("rule: r1\npositive:\n  - name: a\n    exec: /bin/sh\n    opne: /etc/shadow\n", "x.tests.yaml:5:5: unknown key 'opne'")]
    [InlineData("rule: r1\npositive:\n  - name: a\n    exec: /bin/sh\n    open: /etc/shadow\n", "x.tests.yaml:3:5: an event needs exactly one of")]
    [InlineData("rule: r1\nnegative:\n  - exec: /bin/sh\n", "x.tests.yaml:3:5: every case needs a name")]
    [InlineData("rule: r1\nnegative:\n  - name: a\n    connect: 10.0.0.1\n", "x.tests.yaml:4:14: '10.0.0.1' is not address:port")]
    [InlineData("rule: r1\nnegative:\n  - name: a\n    open: /x\n    flags: [O_WRITE]\n", "x.tests.yaml:5:12: unknown open flag 'O_WRITE'")]
    [InlineData("positive: []\n", "x.tests.yaml:1:1: a tests file needs 'rule: <id>'")]
    public void Mistakes_are_reported_at_file_line_and_column(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Read(yaml));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
