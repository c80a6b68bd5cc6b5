using System.Net;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;

namespace Vigil.Scenarios;

/// <summary>
/// Writes down what happens in one pod as its sensor and the API server would report it: every exec carries its
/// ancestry (nearest first) from the process tree built so far, every event a time a little after the last.
/// </summary>
public sealed class TraceBuilder(ScenarioPod pod, DateTimeOffset start)
{
    public const uint ReadOnly = 0;
    public const uint WriteCreateTruncate = 0x1 | 0x40 | 0x200;

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(150);

    private readonly List<RuntimeEvent> _runtime = [];
    private readonly List<AuditEvent> _audit = [];
    private readonly Dictionary<uint, Process> _tree = [];
    private uint _nextPid = 48_211;
    private DateTimeOffset _now = start;

    public ScenarioPod Pod => pod;

    /// <summary>A process the sensor saw start before the trace: the container's own, under the runtime's shim.</summary>
    public Process Existing(uint parentPid, string binary, string user, params string[] args)
    {
        var process = NewProcess(parentPid, binary, user, args);
        _tree[process.Pid] = process;
        return process;
    }

    public Process Exec(Process parent, string binary, params string[] args)
    {
        var process = NewProcess(parent.Pid, binary, parent.User, args);
        process.Uid = parent.Uid;
        process.Cwd = parent.Cwd;
        _tree[process.Pid] = process;
        Add(process, new RuntimeEvent { Exec = new ProcessExec() });
        return process;
    }

    public void Exit(Process process, int status) => Add(process, new RuntimeEvent { Exit = new ProcessExit { Status = status } });

    public void Open(Process process, string path, uint flags = ReadOnly, int errno = 0) =>
        Add(process, new RuntimeEvent { Errno = errno, File = new FileActivity { Operation = FileOperation.Open, Path = path, Flags = flags } });

    public void Create(Process process, string path, uint mode = 420) =>
        Add(process, new RuntimeEvent { File = new FileActivity { Operation = FileOperation.Create, Path = path, Flags = WriteCreateTruncate, Mode = mode } });

    public void Chmod(Process process, string path, uint mode) =>
        Add(process, new RuntimeEvent { File = new FileActivity { Operation = FileOperation.Chmod, Path = path, Mode = mode } });

    public void Connect(Process process, string address, uint port, Protocol protocol = Protocol.Tcp) =>
        Add(process, new RuntimeEvent
        {
            Connect = new NetworkConnect
            {
                SourceAddress = ByteString.CopyFrom(IPAddress.Parse(pod.PodIp).GetAddressBytes()),
                SourcePort = 40_000 + (uint)_runtime.Count,
                DestinationAddress = ByteString.CopyFrom(IPAddress.Parse(address).GetAddressBytes()),
                DestinationPort = port,
                Protocol = protocol,
            },
        });

    public void Dns(Process process, string query, params string[] answers)
    {
        var dns = new DnsQuery { Query = query, QueryType = 1, Answered = true, ServerAddress = ByteString.CopyFrom([10, 0, 0, 10]) };
        dns.AnswerAddresses.AddRange(answers.Select(a => ByteString.CopyFrom(IPAddress.Parse(a).GetAddressBytes())));
        Add(process, new RuntimeEvent { Dns = dns });
    }

    /// <summary>
    /// A request to the API server with the pod's service-account token, logged as the webhook backend does: a
    /// RequestReceived record, then ResponseStarted (exec, attach, watch) or ResponseComplete with the outcome.
    /// </summary>
    public void Api(string verb, string resource, string ns, string name, string userAgent, int code, string apiGroup = "", string subresource = "")
    {
        var id = $"{Guid.CreateVersion7(_now):D}";
        var uri = ApiPaths.Of(apiGroup, resource, ns, name, subresource);
        _audit.Add(Audit(id, "RequestReceived", verb, resource, ns, name, subresource, apiGroup, uri, userAgent, 0));
        var stage = subresource is "exec" or "attach" ? "ResponseStarted" : "ResponseComplete";
        _now += Step;
        _audit.Add(Audit(id, stage, verb, resource, ns, name, subresource, apiGroup, uri, userAgent, code));
    }

    public ScenarioTrace Build(string name, IReadOnlyList<ExpectedAlert> expected) => new(name, pod, [.. _runtime], [.. _audit], expected);

    private Process NewProcess(uint parentPid, string binary, string user, string[] args)
    {
        var pid = _nextPid++;
        var process = new Process
        {
            Pid = pid,
            Ppid = parentPid,
            Binary = binary,
            Cwd = "/var/www/html",
            User = user,
            Uid = user == "root" ? 0u : 33u,
            StartTimeUnixNano = Nanos(_now),
            ExecId = $"{pod.Node}:{Nanos(_now)}:{pid}",
        };
        process.Args.AddRange(args);
        return process;
    }

    private void Add(Process process, RuntimeEvent value)
    {
        _now += Step;
        value.Context = new EventContext
        {
            Cluster = pod.Cluster,
            Node = pod.Node,
            ContainerId = pod.ContainerId,
            ContainerName = pod.Container,
            Image = pod.Image,
            PodUid = pod.Uid,
            PodNamespace = pod.Namespace,
            PodName = pod.Name,
            TimeUnixNano = Nanos(_now),
        };
        value.Process = process.Clone();
        for (var pid = process.Ppid; _tree.TryGetValue(pid, out var ancestor); pid = ancestor.Ppid)
        {
            value.Ancestors.Add(ancestor.Clone());
        }
        _runtime.Add(value);
    }

    private AuditEvent Audit(string id, string stage, string verb, string resource, string ns, string name, string subresource, string apiGroup, string uri, string userAgent, int code)
    {
        var value = new AuditEvent
        {
            Cluster = pod.Cluster,
            AuditId = id,
            Stage = stage,
            Level = "Metadata",
            Verb = verb,
            RequestUri = uri,
            User = new UserInfo { Username = pod.ServiceAccountUser, Uid = pod.Uid },
            UserAgent = userAgent,
            ObjectRef = new ObjectReference
            {
                Resource = resource, Subresource = subresource, Namespace = ns, Name = name, ApiGroup = apiGroup,
                ApiVersion = "v1",
            },
            ResponseCode = code,
            RequestReceivedUnixNano = Nanos(_now),
            StageUnixNano = Nanos(_now),
        };
        value.User.Groups.Add("system:serviceaccounts");
        value.User.Groups.Add($"system:serviceaccounts:{pod.Namespace}");
        value.User.Groups.Add("system:authenticated");
        value.SourceIps.Add(pod.PodIp);
        if (code != 0)
        {
            value.Annotations["authorization.k8s.io/decision"] = code == 403 ? "forbid" : "allow";
        }
        return value;
    }

    private static long Nanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;
}
