using System.Net;

namespace Vigil.Grains.Tests;

public sealed class EvaluationAllocationTests
{
    [Fact]
    public void Evaluating_a_set_allocates_nothing_per_event()
    {
        var yaml = RuleText.List("miners", "xmrig", "minerd", "cpuminer")
            + RuleText.Macro("spawned_process", "evt.type in (execve, execveat)")
            + RuleText.Rule("miner", "spawned_process and (proc.name in (miners) or proc.args icontains 'stratum+tcp')")
            + RuleText.Rule("shell", "spawned_process and proc.name glob '*sh' and ancestor(3, proc.name in (nginx, httpd))")
            + RuleText.Rule("imds", "evt.type = connect and fd.sip in_cidr (169.254.169.254/32, fd00:ec2::254/128) and fd.sport in (80, 443)")
            + RuleText.Rule("secret", "fd.name pmatch (/etc/shadow, /root/.ssh) or fd.name regex '/var/run/secrets/.*/token$'")
            + RuleText.Rule("priv", "container.privileged and not k8s.ns.name startswith kube-");
        var set = Engine.Load(yaml);
        var nginx = new TestEvent { ProcName = "nginx" };
        var events = new[]
        {
            new TestEvent { Type = "execve", ProcName = "sh", ProcArgs = ["-c", "id"], Ancestors = [new TestEvent { ProcName = "bash" }, nginx] },
            new TestEvent { Type = "execve", ProcName = "xmrig", ProcArgs = ["-o", "stratum+tcp://pool"] },
            new TestEvent { Type = "connect", ServerIp = IPAddress.Parse("169.254.169.254"), ServerPort = 80 },
            new TestEvent { Type = "open", FdName = "/var/run/secrets/kubernetes.io/serviceaccount/token", Privileged = true, Namespace = "web" },
        };
        var matches = new List<CompiledRule<TestEvent>>(64);
        Evaluate(set, events, matches);
        Assert.Equal(["shell", "miner", "imds", "secret", "priv"], matches.Select(r => r.Id));

        matches.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            matches.Clear();
            Evaluate(set, events, matches);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(5, matches.Count);
        Assert.Equal(0, allocated);
    }

    private static void Evaluate(RuleSet<TestEvent> set, TestEvent[] events, List<CompiledRule<TestEvent>> matches)
    {
        foreach (var e in events)
        {
            set.Evaluate(e, RuleSource.Runtime, matches);
        }
    }
}
