using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Grains.Entities.Detectors;
using Vigil.Runtime.Testing;

namespace Vigil.Grains.Tests.Entities;

public sealed class EvidenceReuseTests
{
    private readonly PodEvents _pod = new(new ManualTimeProvider());

    [Fact]
    public void Evidence_of_the_same_processes_shares_them_and_reads_as_the_factory_writes_it()
    {
        var reuse = new PodState().Evidence;
        var first = Write("/tmp/cache/0001.bin");
        var second = Write("/tmp/cache/0002.bin");

        var a = reuse.From(first, "first");
        var b = reuse.From(second, "second");

        // Each event parsed its own copies; the evidence kept holds one instance per process.
        Assert.Same(a.Process, b.Process);
        Assert.Equal(a.Ancestors.Count, b.Ancestors.Count);
        Assert.All(a.Ancestors.Zip(b.Ancestors), pair => Assert.Same(pair.First, pair.Second));
        AssertSameValue(EvidenceFactory.From(second, "second"), b);
    }

    [Fact]
    public void A_process_that_differs_in_any_field_gets_its_own()
    {
        var reuse = new PodState().Evidence;
        var held = reuse.From(Write("/tmp/a"), "a");

        var otherArgs = _pod.File(PodEvents.Proc(40, 1, "/usr/sbin/nginx", "-g", "daemon on;"), FileOperation.Create, "/tmp/b");
        var otherCwd = Write("/tmp/c");
        otherCwd.Process.Cwd = "/srv";

        Assert.NotSame(held.Process, reuse.From(otherArgs, "b").Process);
        Assert.NotSame(held.Process, reuse.From(otherCwd, "c").Process);
        Assert.Equal("/srv", reuse.From(otherCwd, "c").Process.Cwd);
    }

    private RuntimeEvent Write(string path)
    {
        // Built afresh each time, as a parsed event is: equal values, distinct instances.
        var value = _pod.File(PodEvents.Proc(40, 1, "/usr/sbin/nginx", "-g", "daemon off;"), FileOperation.Create, path);
        value.Ancestors.Add(PodEvents.Proc(1, 0, "/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io"));
        return value;
    }

    private static void AssertSameValue(AlertEvidence expected, AlertEvidence actual)
    {
        // Records compare argument lists by reference; the comparer compares them by value.
        Assert.Equal(expected with { Process = actual.Process, Ancestors = actual.Ancestors }, actual);
        Assert.Equal(expected.Process, actual.Process, EvidenceProcessComparer.Instance);
        Assert.Equal(expected.Ancestors, actual.Ancestors, EvidenceProcessComparer.Instance);
    }
}
