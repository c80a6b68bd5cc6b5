using System.Net;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

/// <summary>Builds the runtime events one container of one pod produces, as a node sensor would send them.</summary>
public sealed class PodEvents(
    TimeProvider clock,
    string pod = "web-7b9c5-kq2lz",
    string container = "nginx",
    string image = "nginx:1.25",
    string node = "node-1",
    string podNamespace = "shop",
    string cluster = "prod")
{
    public string Cluster => cluster;

    public string Namespace => podNamespace;

    public string Name => pod;

    public string Node => node;

    public string Container => container;

    public string Uid { get; } = "uid-" + pod;

    public string ContainerId { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pod + "/" + container)));

    public string Key => EntityKeys.Pod(cluster, podNamespace, Uid);

    /// <summary>The same pod seen from another of its containers.</summary>
    public PodEvents InContainer(string name, string otherImage) => new(clock, pod, name, otherImage, node, podNamespace, cluster);

    public static Process Proc(uint pid, uint ppid, string binary, params string[] args)
    {
        var process = new Process { Pid = pid, Ppid = ppid, Binary = binary, User = "root", Cwd = "/", ExecId = $"{pid}:{binary}" };
        process.Args.AddRange(args);
        return process;
    }

    /// <summary>An exec of <paramref name="process"/>, with the sensor's ancestry nearest first.</summary>
    public RuntimeEvent Exec(Process process, params Process[] ancestors) =>
        Event(process, ancestors, e => e.Exec = new ProcessExec());

    public RuntimeEvent FailedExec(Process process, int errno, params Process[] ancestors)
    {
        var value = Exec(process, ancestors);
        value.Errno = errno;
        return value;
    }

    public RuntimeEvent Exit(Process process) => Event(process, [], e => e.Exit = new ProcessExit());

    public RuntimeEvent File(Process process, FileOperation operation, string path, uint flags = 0, int errno = 0)
    {
        var value = Event(process, [], e => e.File = new FileActivity { Operation = operation, Path = path, Flags = flags });
        value.Errno = errno;
        return value;
    }

    /// <summary>A chmod(2) call setting <paramref name="mode"/> (octal as written: 0755 is 0b111_101_101).</summary>
    public RuntimeEvent Chmod(Process process, string path, uint mode) =>
        Event(process, [], e => e.File = new FileActivity { Operation = FileOperation.Chmod, Path = path, Mode = mode });

    public RuntimeEvent Connect(Process process, string address, uint port) =>
        Event(process, [], e => e.Connect = new NetworkConnect
        {
            DestinationAddress = ByteString.CopyFrom(IPAddress.Parse(address).GetAddressBytes()),
            DestinationPort = port,
            Protocol = Protocol.Tcp,
        });

    public RuntimeEvent Dns(Process process, string query, string answer)
    {
        var dns = new DnsQuery { Query = query, QueryType = 1, Answered = true };
        dns.AnswerAddresses.Add(ByteString.CopyFrom(IPAddress.Parse(answer).GetAddressBytes()));
        return Event(process, [], e => e.Dns = dns);
    }

    private RuntimeEvent Event(Process process, Process[] ancestors, Action<RuntimeEvent> kind)
    {
        var value = new RuntimeEvent
        {
            Context = new EventContext
            {
                Cluster = cluster,
                Node = node,
                ContainerId = ContainerId,
                ContainerName = container,
                Image = image,
                PodUid = Uid,
                PodNamespace = podNamespace,
                PodName = pod,
                TimeUnixNano = (clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100,
            },
            Process = process.Clone(),
        };
        value.Ancestors.AddRange(ancestors.Select(a => a.Clone()));
        kind(value);
        return value;
    }
}
