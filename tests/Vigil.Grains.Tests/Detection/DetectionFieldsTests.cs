using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection;

namespace Vigil.Grains.Tests.Detection;

/// <summary>The catalogue reads the wire messages the way the README's field list says.</summary>
public sealed class DetectionFieldsTests
{
    private static readonly FieldCatalogue<DetectionEvent> Catalogue = DetectionFields.Create();

    private static string? Value(string field, DetectionEvent value)
    {
        Assert.True(Catalogue.TryGet(field, out var definition), $"no field {field}");
        return definition.Format(value);
    }

    private static RuntimeEvent Exec(string binary, params string[] args)
    {
        var value = new RuntimeEvent
        {
            Context = new EventContext { ContainerId = "abc", PodNamespace = "shop", Node = "node-1" },
            Process = new Process { Binary = binary, Pid = 20, Ppid = 10, Uid = 33, User = "www-data" },
            Exec = new ProcessExec(),
        };
        value.Process.Args.AddRange(args);
        value.Ancestors.Add(new Process { Binary = "/usr/sbin/php-fpm8.2", Pid = 10 });
        value.Ancestors.Add(new Process { Binary = "/usr/sbin/nginx", Pid = 1 });
        return value;
    }

    [Fact]
    public void Process_fields_come_from_the_acting_process_and_its_parent()
    {
        var value = DetectionEvent.ForRuntime(Exec("/bin/sh", "-c", "id"));

        Assert.Equal("exec", Value("evt.type", value));
        Assert.Equal("sh", Value("proc.name", value));
        Assert.Equal("/bin/sh", Value("proc.exe", value));
        Assert.Equal("sh -c id", Value("proc.cmdline", value));
        Assert.Equal("-c id", Value("proc.args", value));
        Assert.Equal("php-fpm8.2", Value("proc.pname", value));
        Assert.Equal("33", Value("user.uid", value));
        Assert.Equal("www-data", Value("user.name", value));
        Assert.Equal("false", Value("evt.failed", value));
    }

    [Fact]
    public void Ancestors_are_seen_as_their_execs_with_their_own_parents()
    {
        var value = DetectionEvent.ForRuntime(Exec("/bin/sh"));
        var ancestors = value.Ancestors!;

        Assert.Equal(2, ancestors.Count);
        Assert.Equal("php-fpm8.2", Value("proc.name", ancestors[0]));
        Assert.Equal("nginx", Value("proc.pname", ancestors[0]));
        Assert.Equal("exec", Value("evt.type", ancestors[1]));
        Assert.Null(Value("proc.pname", ancestors[1]));
        Assert.Equal("shop", Value("k8s.ns.name", ancestors[1]));
        Assert.Single(ancestors[0].Ancestors!);
        Assert.Null(ancestors[1].Ancestors);
    }

    [Fact]
    public void A_refused_open_is_failed_and_its_flags_are_named()
    {
        var value = new RuntimeEvent
        {
            Process = new Process { Binary = "/bin/cat" },
            Errno = 13,
            File = new FileActivity { Operation = FileOperation.Open, Path = "/etc/shadow", Flags = 0x241 },
        };
        var subject = DetectionEvent.ForRuntime(value);

        Assert.Equal("open", Value("evt.type", subject));
        Assert.Equal("true", Value("evt.failed", subject));
        Assert.Equal("13", Value("evt.errno", subject));
        Assert.Equal("O_WRONLY O_CREAT O_TRUNC", Value("fd.flags", subject));
        Assert.Equal("true", Value("fd.writable", subject));
        Assert.Equal("/etc", Value("fd.directory", subject));
        Assert.Equal("shadow", Value("fd.filename", subject));
    }

    [Fact]
    public void Connect_addresses_decode_and_malformed_ones_are_absent()
    {
        var value = new RuntimeEvent
        {
            Process = new Process { Binary = "/usr/bin/curl" },
            Connect = new NetworkConnect
            {
                SourceAddress = ByteString.CopyFrom([10, 0, 0, 5]),
                SourcePort = 40000,
                DestinationAddress = ByteString.CopyFrom(System.Net.IPAddress.Parse("fd00:ec2::254").GetAddressBytes()),
                DestinationPort = 80,
                Protocol = Protocol.Tcp,
            },
        };
        var subject = DetectionEvent.ForRuntime(value);
        Assert.Equal("10.0.0.5", Value("fd.sip", subject));
        Assert.Equal("fd00:ec2::254", Value("fd.dip", subject));
        Assert.Equal("80", Value("fd.dport", subject));
        Assert.Equal("tcp", Value("fd.l4proto", subject));
        Assert.Null(Value("fd.name", subject));

        value.Connect.DestinationAddress = ByteString.CopyFrom([1, 2, 3, 4, 5]);
        Assert.Null(Value("fd.dip", DetectionEvent.ForRuntime(value)));
    }

    [Fact]
    public void Empty_strings_and_other_sources_read_as_absent()
    {
        var runtime = DetectionEvent.ForRuntime(new RuntimeEvent { Process = new Process(), Exec = new ProcessExec() });
        var audit = DetectionEvent.ForAudit(new AuditEvent
        {
            Verb = "list",
            User = new UserInfo { Username = "system:serviceaccount:shop:web", Groups = { "system:authenticated" } },
            ObjectRef = new ObjectReference { Resource = "secrets" },
            ResponseCode = 403,
        });

        Assert.Null(Value("container.id", runtime));
        Assert.Null(Value("proc.name", runtime));
        Assert.Null(Value("ka.verb", runtime));
        Assert.Null(Value("evt.type", audit));
        Assert.Null(Value("evt.failed", audit));
        Assert.Null(Value("proc.args", audit));
        Assert.Equal("list", Value("ka.verb", audit));
        Assert.Equal("system:authenticated", Value("ka.user.groups", audit));
        Assert.Equal("403", Value("ka.response.code", audit));
        Assert.Null(Value("ka.target.name", audit));
        Assert.Equal(RuleSource.Audit, audit.Source);
    }
}
