using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Runtime.Testing;

namespace Vigil.Grains.Tests.Entities;

/// <summary>
/// What the pod's state keeps from events it already holds an equal copy of: the held instance, so each parsed
/// event's copies die young. Events go through the wire format, as from a sensor, so every string is a new instance.
/// </summary>
public sealed class PodStateReuseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly PodEvents _pod = new(new ManualTimeProvider(Now));

    [Fact]
    public void Equal_strings_of_separate_execs_are_kept_once()
    {
        var state = new PodState();
        PodBehaviour.Record(state, Parsed(_pod.Exec(PodEvents.Proc(10, 1, "/usr/bin/find", "/tmp", "-delete"))), Now);
        PodBehaviour.Record(state, Parsed(_pod.Exec(PodEvents.Proc(11, 1, "/usr/bin/find", "/tmp", "-delete"))), Now);

        var (first, second) = (state.Processes[10], state.Processes[11]);
        Assert.Same(first.Binary, second.Binary);
        Assert.Same(first.Args[0], second.Args[0]);
        Assert.Same(first.User, second.User);
        Assert.Same(first.Cwd, second.Cwd);
        Assert.Same(state.Containers[_pod.ContainerId].Executables.Single(), second.Binary);
        Assert.Equal(["/tmp", "-delete"], second.Args);
        Assert.Same(first.Args, second.Args);
    }

    [Fact]
    public void An_exec_into_a_full_tree_takes_over_the_evicted_record_with_all_its_own_values()
    {
        var state = new PodState();
        for (uint pid = 100; pid < 100 + PodLimits.MaxProcesses; pid++)
        {
            PodBehaviour.Record(state, Parsed(_pod.Exec(PodEvents.Proc(pid, 1, "/usr/bin/sleep", "60"))), Now);
        }
        var oldest = state.Processes[100];
        var held = state.Processes.Values.ToHashSet(ReferenceEqualityComparer.Instance);

        var process = PodEvents.Proc(900, 42, "/usr/bin/curl", "-fsS", "http://127.0.0.1/healthz");
        process.Uid = 1000;
        process.User = "app";
        process.Cwd = "/srv";
        process.StartTimeUnixNano = 123;
        PodBehaviour.Record(state, Parsed(_pod.Exec(process)), Now);

        Assert.Equal(PodLimits.MaxProcesses, state.Processes.Count);
        Assert.False(state.Processes.ContainsKey(100));
        var record = state.Processes[900];
        Assert.Contains(record, held);
        Assert.Same(oldest, record);
        Assert.Equal(
            new ProcessRecord(900, 42, "/usr/bin/curl", record.Args, 1000, "app", "/srv", "900:/usr/bin/curl", 123, false, record.Order),
            record);
        Assert.Equal(["-fsS", "http://127.0.0.1/healthz"], record.Args);
        Assert.True(record.Order > state.Processes[101].Order);
    }

    [Fact]
    public void The_pods_identity_stays_the_held_instance_while_unchanged()
    {
        var state = new PodState();
        var process = PodEvents.Proc(10, 1, "/bin/sh");
        PodBehaviour.Record(state, Parsed(_pod.Exec(process)), Now);
        var (cluster, name, node) = (state.Cluster, state.Pod, state.Node);

        PodBehaviour.Record(state, Parsed(_pod.File(process, FileOperation.Open, "/etc/hosts")), Now);

        Assert.Same(cluster, state.Cluster);
        Assert.Same(name, state.Pod);
        Assert.Same(node, state.Node);
        Assert.Equal(_pod.Name, state.Pod);
    }

    [Fact]
    public void A_process_that_acts_or_exits_keeps_its_record_with_the_new_order()
    {
        var state = new PodState();
        var process = PodEvents.Proc(10, 1, "/bin/sh");
        PodBehaviour.Record(state, Parsed(_pod.Exec(process)), Now);
        var record = state.Processes[10];
        var order = record.Order;

        PodBehaviour.Record(state, Parsed(_pod.File(process, FileOperation.Open, "/etc/hosts")), Now);
        Assert.Same(record, state.Processes[10]);
        Assert.True(record.Order > order);

        PodBehaviour.Record(state, Parsed(_pod.Exit(process)), Now);
        Assert.Same(record, state.Processes[10]);
        Assert.True(record.Exited);
    }

    [Fact]
    public void A_repeated_connection_refreshes_the_entry_held()
    {
        var state = new PodState();
        var server = PodEvents.Proc(10, 1, "/usr/sbin/nginx");
        var other = PodEvents.Proc(11, 1, "/usr/bin/curl");
        PodBehaviour.Record(state, Parsed(_pod.Connect(server, "10.0.0.1", 5432)), Now);
        PodBehaviour.Record(state, Parsed(_pod.Connect(other, "10.0.0.2", 443)), Now);
        var held = state.Connections[0];

        PodBehaviour.Record(state, Parsed(_pod.Connect(server, "10.0.0.1", 5432)), Now.AddMinutes(1));

        Assert.Equal(2, state.Connections.Count);
        Assert.Same(held, state.Connections[^1]);
        Assert.Equal(Now.AddMinutes(1), held.Time);
        Assert.Equal("10.0.0.2", state.Connections[0].Destination);
    }

    private static RuntimeEvent Parsed(RuntimeEvent value) => RuntimeEvent.Parser.ParseFrom(value.ToByteArray());
}
