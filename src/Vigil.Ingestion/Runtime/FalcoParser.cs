using System.Globalization;
using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Runtime;

/// <summary>
/// Falco's JSON output (<c>json_output: true</c>, one alert per line; falcosidekick forwards the same shape).
/// Only syscall-source alerts carry a process; their <c>evt.type</c> decides the payload. An alert of another
/// source (k8s_audit, cloudtrail) or an event type with no payload here is skipped, named.
/// </summary>
public sealed class FalcoParser
{
    // Falco's ancestor fields are indexed from 1 (the parent); it walks at most this many by default.
    private const int MaxAncestors = 8;

    private static readonly string[] AncestorPid = Indexed("proc.apid");
    private static readonly string[] AncestorName = Indexed("proc.aname");
    private static readonly string[] AncestorExePath = Indexed("proc.aexepath");
    private static readonly string[] AncestorExe = Indexed("proc.aexe");

    private readonly string _cluster;
    private readonly Action<RuntimeEvent> _sink;

    private FalcoParser(string cluster, Action<RuntimeEvent> sink)
    {
        _cluster = cluster;
        _sink = sink;
    }

    public static ParseReport Parse(ReadOnlySpan<byte> utf8, string cluster, Action<RuntimeEvent> sink)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(sink);
        var report = new ParseReport();
        JsonRecordReader.Read(utf8, report, new FalcoParser(cluster, sink).Record);
        return report;
    }

    private void Record(JsonElement root, int line, ParseReport report)
    {
        if (root.ValueKind != JsonValueKind.Object || !JsonFields.TryObject(root, "output_fields"u8, out var output))
        {
            throw new InvalidRecordException("not a Falco alert: no output_fields object");
        }

        var source = JsonFields.String(root, "source"u8);
        if (source.Length > 0 && source != "syscall")
        {
            report.AddSkipped(line, $"Falco source '{source}' carries no process");
            return;
        }

        var f = new FalcoFields(output);
        var type = f.String("evt.type");
        var runtime = new RuntimeEvent { Context = Context(root, f), Process = Acting(f), Errno = Errno.FromResult(f.String("evt.res")) };
        if (runtime.Errno == 0 && f.String("evt.failed") == "true")
        {
            runtime.Errno = Errno.UnknownErrno;
        }

        AddAncestors(f, runtime);
        switch (type)
        {
            case "execve" or "execveat":
                runtime.Exec = new ProcessExec();
                break;
            case "procexit":
                runtime.Exit = new ProcessExit { Status = (int)f.Int64("evt.arg.status"), Signal = (int)f.Int64("evt.arg.sig") };
                runtime.Errno = 0;
                break;
            case "open" or "openat" or "openat2" or "creat" or "open_by_handle_at":
                runtime.File = OpenOf(f, type);
                break;
            case "chmod" or "fchmod" or "fchmodat":
                runtime.File = new FileActivity { Operation = FileOperation.Chmod, Path = Path(f), Mode = Mode(f.String("evt.arg.mode")) };
                break;
            case "connect":
                runtime.Connect = ConnectOf(f);
                break;
            default:
                report.AddSkipped(line, type.Length == 0 ? "Falco alert has no evt.type" : $"Falco evt.type '{type}' has no runtime mapping");
                return;
        }

        _sink(runtime);
        report.AddParsed();
    }

    private EventContext Context(JsonElement root, FalcoFields f)
    {
        var repository = f.String("container.image.repository");
        var tag = f.String("container.image.tag");
        var time = f.Time("evt.time");
        return new EventContext
        {
            Node = JsonFields.String(root, "hostname"u8),
            Cluster = _cluster,
            ContainerId = ContainerIds.Normalise(f.String("container.full_id") is { Length: > 0 } full ? full : f.String("container.id")),
            ContainerName = f.String("container.name"),
            Image = repository.Length == 0 ? f.String("container.image") : tag.Length == 0 ? repository : $"{repository}:{tag}",
            ImageDigest = f.String("container.image.digest"),
            PodUid = f.String("k8s.pod.uid"),
            PodNamespace = f.String("k8s.ns.name"),
            PodName = f.String("k8s.pod.name"),
            TimeUnixNano = time != 0 ? time : JsonFields.Time(root, "time"u8),
        };
    }

    private static Process Acting(FalcoFields f)
    {
        var process = new Process
        {
            Pid = f.UInt32("proc.pid"),
            Ppid = f.UInt32("proc.ppid"),
            Binary = FirstOf(f.String("proc.exepath"), f.String("proc.exe"), f.String("proc.name")),
            Cwd = f.String("proc.cwd"),
            Uid = f.UInt32("user.uid"),
            User = f.String("user.name"),
        };
        ArgumentSplitter.Split(f.String("proc.args"), process.Args);
        return process;
    }

    private static void AddAncestors(FalcoFields f, RuntimeEvent runtime)
    {
        var parent = new Process
        {
            Pid = runtime.Process.Ppid != 0 ? runtime.Process.Ppid : f.UInt32(AncestorPid[1]),
            Binary = FirstOf(f.String("proc.pexepath"), f.String("proc.pexe"), f.String(AncestorExePath[1]), f.String("proc.pname"), f.String(AncestorName[1])),
        };
        ArgumentSplitter.Split(ArgsOfCmdline(f.String("proc.pcmdline")), parent.Args);
        if (parent.Pid == 0 && parent.Binary.Length == 0)
        {
            return;
        }

        runtime.Ancestors.Add(parent);
        for (var n = 2; n < MaxAncestors + 1; n++)
        {
            var ancestor = new Process
            {
                Pid = f.UInt32(AncestorPid[n]),
                Binary = FirstOf(f.String(AncestorExePath[n]), f.String(AncestorExe[n]), f.String(AncestorName[n])),
            };
            if (ancestor.Pid == 0 && ancestor.Binary.Length == 0)
            {
                break;
            }

            runtime.Ancestors[^1].Ppid = ancestor.Pid;
            runtime.Ancestors.Add(ancestor);
        }
    }

    private static FileActivity OpenOf(FalcoFields f, string type)
    {
        var flags = OpenFlags.Parse(f.String("evt.arg.flags"));
        var create = type == "creat" || (flags & OpenFlags.Create) != 0;
        return new FileActivity
        {
            Operation = create ? FileOperation.Create : FileOperation.Open,
            Path = Path(f),
            Flags = flags,
            Mode = Mode(f.String("evt.arg.mode")),
        };
    }

    private static NetworkConnect ConnectOf(FalcoFields f)
    {
        // For an outbound connect Falco's "server" is the peer and its "client" this process.
        return new NetworkConnect
        {
            SourceAddress = Addresses.Parse(f.String("fd.cip"), "fd.cip"),
            SourcePort = f.UInt32("fd.cport"),
            DestinationAddress = Addresses.Parse(FirstOf(f.String("fd.sip"), f.String("fd.rip")), "fd.sip"),
            DestinationPort = f.UInt32("fd.sport") is var port and > 0 ? port : f.UInt32("fd.rport"),
            Protocol = f.String("fd.l4proto") switch
            {
                "tcp" => Protocol.Tcp,
                "udp" => Protocol.Udp,
                _ => Protocol.Unspecified,
            },
        };
    }

    private static string Path(FalcoFields f) => FirstOf(f.String("fd.name"), f.String("evt.arg.name"), f.String("evt.arg.filename"), f.String("fs.path.name"));

    // evt.arg.mode prints as octal digits, sometimes with the symbolic form after it ("0755(S_IRWXU|...)").
    private static uint Mode(string text)
    {
        var digits = text.AsSpan();
        var end = digits.IndexOfAnyExcept("01234567");
        digits = end < 0 ? digits : digits[..end];
        return digits.IsEmpty ? 0 : Convert.ToUInt32(digits.ToString(), 8);
    }

    private static string ArgsOfCmdline(string cmdline)
    {
        var space = cmdline.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "" : cmdline[(space + 1)..];
    }

    private static string FirstOf(params ReadOnlySpan<string> values)
    {
        foreach (var value in values)
        {
            if (value.Length > 0)
            {
                return value;
            }
        }

        return "";
    }

    private static string[] Indexed(string field) =>
        [.. Enumerable.Range(0, MaxAncestors + 1).Select(n => string.Create(CultureInfo.InvariantCulture, $"{field}[{n}]"))];
}
