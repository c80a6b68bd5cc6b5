using System.Net;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// Turns one compact YAML event (<c>exec: /bin/sh</c>, <c>open: /etc/shadow</c>, <c>connect: 1.2.3.4:443</c>,
/// <c>dns: name</c>, <c>audit: {...}</c>) into the wire message a sensor or ingester would have sent, so that
/// rule tests exercise the same field accessors as production. The format is documented in grains/rules/README.md.
/// </summary>
public static class EventCaseParser
{
    private static readonly string[] Kinds = ["exec", "exit", "open", "create", "write", "chmod", "connect", "dns", "audit"];

    private static readonly string[] RuntimeKeys =
        ["proc", "args", "pid", "ppid", "cwd", "uid", "user", "ancestors", "errno", "flags", "mode", "from", "proto", "answers", "rcode", "status"];

    private static readonly IReadOnlySet<string> EventKeys =
        new HashSet<string>([.. Kinds, .. RuntimeKeys, .. CaseContext.Keys, "name"], StringComparer.Ordinal);

    private static readonly Dictionary<string, int> ErrnoNames = new(StringComparer.Ordinal)
    {
        ["EPERM"] = 1, ["ENOENT"] = 2, ["EACCES"] = 13, ["EEXIST"] = 17, ["ETXTBSY"] = 26, ["EROFS"] = 30,
        ["ECONNREFUSED"] = 111, ["ETIMEDOUT"] = 110, ["ENETUNREACH"] = 101,
    };

    /// <summary>
    /// Parses an event mapping. <paramref name="context"/> holds file-level context keys; the mapping's own
    /// context keys win over them. A <c>name</c> key is allowed and ignored (it names the case).
    /// </summary>
    public static DetectionEvent Parse(string path, YamlMappingNode mapping, IReadOnlyDictionary<string, YamlNode>? context = null)
    {
        var keys = CaseYaml.Keys(path, mapping, EventKeys);
        var kinds = Kinds.Where(keys.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            throw CaseYaml.Error(path, mapping, $"an event needs exactly one of {string.Join(", ", Kinds)}; found {kinds.Count}");
        }
        var kind = kinds[0];
        if (kind == "audit")
        {
            var extra = keys.Keys.FirstOrDefault(k => k is not ("audit" or "name" or "cluster"));
            if (extra is not null)
            {
                throw CaseYaml.Error(path, mapping, $"'{extra}' does not apply to an audit event");
            }
            return DetectionEvent.ForAudit(AuditCaseParser.Parse(path, keys["audit"], keys.GetValueOrDefault("cluster")));
        }
        var value = new RuntimeEvent { Context = CaseContext.Default(), Process = Process(path, keys, kind) };
        if (context is not null)
        {
            CaseContext.Apply(path, context, value.Context);
        }
        CaseContext.Apply(path, keys, value.Context);
        value.Ancestors.AddRange(Ancestors(path, keys));
        if (keys.TryGetValue("errno", out var errno))
        {
            value.Errno = Errno(path, errno);
        }
        var subject = keys[kind];
        switch (kind)
        {
            case "exec": value.Exec = new ProcessExec(); break;
            case "exit": value.Exit = new ProcessExit { Status = (int)Optional(path, keys, "status", 0) }; break;
            case "connect": value.Connect = Connect(path, subject, keys); break;
            case "dns": value.Dns = Dns(path, subject, keys); break;
            default: value.File = File(path, kind, subject, keys); break;
        }
        return DetectionEvent.ForRuntime(value);
    }

    private static Process Process(string path, Dictionary<string, YamlNode> keys, string kind)
    {
        var binaryNode = kind is "exec" or "exit" ? keys[kind] : keys.GetValueOrDefault("proc");
        var process = new Process
        {
            Binary = binaryNode is null ? "" : CaseYaml.Scalar(path, binaryNode),
            Pid = (uint)Optional(path, keys, "pid", 4242),
            Ppid = (uint)Optional(path, keys, "ppid", 4241),
            Cwd = keys.TryGetValue("cwd", out var cwd) ? CaseYaml.Scalar(path, cwd) : "/",
            Uid = (uint)Optional(path, keys, "uid", 0),
            User = keys.TryGetValue("user", out var user) ? CaseYaml.Scalar(path, user) : "",
        };
        if (keys.TryGetValue("args", out var args))
        {
            process.Args.AddRange(CaseYaml.Words(path, args));
        }
        return process;
    }

    /// <summary>Each ancestor is <c>"binary arg ..."</c> or a mapping with binary, args and pid; nearest first.</summary>
    private static IEnumerable<Process> Ancestors(string path, Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("ancestors", out var node))
        {
            yield break;
        }
        foreach (var item in CaseYaml.Sequence(path, node).Children)
        {
            var process = new Process();
            if (item is YamlMappingNode mapping)
            {
                var fields = CaseYaml.Keys(path, mapping, new HashSet<string>(["binary", "args", "pid"], StringComparer.Ordinal));
                process.Binary = fields.TryGetValue("binary", out var b) ? CaseYaml.Scalar(path, b) : "";
                process.Pid = (uint)Optional(path, fields, "pid", 0);
                if (fields.TryGetValue("args", out var a))
                {
                    process.Args.AddRange(CaseYaml.Words(path, a));
                }
            }
            else
            {
                var words = CaseYaml.Words(path, item);
                process.Binary = words.Count > 0 ? words[0] : "";
                process.Args.AddRange(words.Skip(1));
            }
            yield return process;
        }
    }

    private static FileActivity File(string path, string kind, YamlNode subject, Dictionary<string, YamlNode> keys)
    {
        var (operation, defaultFlags) = kind switch
        {
            "create" => (FileOperation.Create, 0x241u),
            "write" => (FileOperation.Write, 1u),
            "chmod" => (FileOperation.Chmod, 0u),
            _ => (FileOperation.Open, 0u),
        };
        var file = new FileActivity { Operation = operation, Path = CaseYaml.Scalar(path, subject), Flags = defaultFlags };
        if (keys.TryGetValue("flags", out var flags))
        {
            file.Flags = 0;
            foreach (var name in CaseYaml.Words(path, flags))
            {
                file.Flags |= OpenFlags.Parse(name) ?? throw CaseYaml.Error(path, flags, $"unknown open flag '{name}'");
            }
        }
        if (keys.TryGetValue("mode", out var mode))
        {
            var text = CaseYaml.Scalar(path, mode);
            file.Mode = TryOctal(text) ?? throw CaseYaml.Error(path, mode, $"mode '{text}' is not octal");
        }
        return file;
    }

    private static NetworkConnect Connect(string path, YamlNode subject, Dictionary<string, YamlNode> keys)
    {
        var destination = Endpoint(path, subject);
        var source = keys.TryGetValue("from", out var from) ? Endpoint(path, from)
            : new IPEndPoint(destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? IPAddress.Parse("fd00:10::10") : IPAddress.Parse("10.244.1.10"), 43512);
        var protocol = keys.TryGetValue("proto", out var proto) ? CaseYaml.Scalar(path, proto) : "tcp";
        return new NetworkConnect
        {
            SourceAddress = ByteString.CopyFrom(source.Address.GetAddressBytes()),
            SourcePort = (uint)source.Port,
            DestinationAddress = ByteString.CopyFrom(destination.Address.GetAddressBytes()),
            DestinationPort = (uint)destination.Port,
            Protocol = protocol switch
            {
                "tcp" => Protocol.Tcp,
                "udp" => Protocol.Udp,
                _ => throw CaseYaml.Error(path, proto!, $"proto must be tcp or udp, not '{protocol}'"),
            },
        };
    }

    private static DnsQuery Dns(string path, YamlNode subject, Dictionary<string, YamlNode> keys)
    {
        var query = new DnsQuery { Query = CaseYaml.Scalar(path, subject), QueryType = 1 };
        if (keys.TryGetValue("answers", out var answers))
        {
            query.Answered = true;
            foreach (var text in CaseYaml.Words(path, answers))
            {
                var address = IPAddress.TryParse(text, out var a) ? a : throw CaseYaml.Error(path, answers, $"'{text}' is not an address");
                query.AnswerAddresses.Add(ByteString.CopyFrom(address.GetAddressBytes()));
            }
        }
        if (keys.TryGetValue("rcode", out var rcode))
        {
            query.Answered = true;
            query.Rcode = (uint)CaseYaml.Integer(path, rcode);
        }
        return query;
    }

    private static IPEndPoint Endpoint(string path, YamlNode node)
    {
        var text = CaseYaml.Scalar(path, node);
        return IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port != 0
            ? endpoint
            : throw CaseYaml.Error(path, node, $"'{text}' is not address:port ([address]:port for IPv6)");
    }

    private static int Errno(string path, YamlNode node)
    {
        var text = CaseYaml.Scalar(path, node);
        return ErrnoNames.TryGetValue(text, out var known) ? known : (int)CaseYaml.Integer(path, node);
    }

    private static long Optional(string path, IReadOnlyDictionary<string, YamlNode> keys, string key, long fallback) =>
        keys.TryGetValue(key, out var node) ? CaseYaml.Integer(path, node) : fallback;

    private static uint? TryOctal(string text)
    {
        try
        {
            return text.Length is > 0 and <= 7 ? Convert.ToUInt32(text, 8) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
