using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection;

/// <summary>
/// The fields runtime rules name, bound to <see cref="RuntimeEvent"/>. Names follow Falco's where the meaning is
/// the same, so rule authors can carry their habits over; where it is not (fd.sip is the source here, not the
/// server) the README says so. Every accessor returns null for an audit event,
/// and the fields are registered as runtime-only so an audit rule naming one is refused (VR016).
/// </summary>
public static class RuntimeEventFields
{
    // S_ISUID and S_ISGID: the language has no bit operators, so the bits rules ask about get fields of their own.
    private const uint SetUid = 0x800;
    private const uint SetGid = 0x400;

    public static FieldCatalogue<DetectionEvent> Register(FieldCatalogue<DetectionEvent> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.ForSource(RuleSource.Runtime, c => c
            .AddString("evt.type", e => e.EventType)
            .AddBoolean("evt.failed", e => e.Runtime is null ? null : e.Own is { } own && own.Errno != 0)
            .AddInteger("evt.errno", e => e.Runtime is null ? null : e.Own?.Errno ?? 0)
            .AddString("proc.name", e => e.ProcessName)
            .AddString("proc.exe", e => EventValues.NullIfEmpty(e.Process?.Binary))
            .AddStringList("proc.args", e => e.Process?.Args)
            .AddString("proc.cmdline", e => e.CommandLine)
            .AddInteger("proc.pid", e => e.Process?.Pid)
            .AddInteger("proc.ppid", e => e.Process?.Ppid)
            .AddString("proc.cwd", e => EventValues.NullIfEmpty(e.Process?.Cwd))
            .AddString("proc.pname", e => e.ParentName)
            .AddString("proc.pexe", e => EventValues.NullIfEmpty(e.Parent?.Binary))
            .AddInteger("user.uid", e => e.Process?.Uid)
            .AddString("user.name", e => EventValues.NullIfEmpty(e.Process?.User))
            .AddString("fd.name", e => EventValues.NullIfEmpty(File(e)?.Path))
            .AddString("fd.directory", e => EventValues.DirectoryName(File(e)?.Path))
            .AddString("fd.filename", e => EventValues.BaseName(File(e)?.Path))
            .AddStringList("fd.flags", e => File(e) is { } f ? OpenFlags.Names(f.Flags) : null)
            .AddInteger("fd.mode", e => File(e)?.Mode)
            .AddBoolean("fd.setuid", e => File(e) is { } f ? (f.Mode & SetUid) != 0 : null)
            .AddBoolean("fd.setgid", e => File(e) is { } f ? (f.Mode & SetGid) != 0 : null)
            .AddBoolean("fd.writable", e => File(e) is { } f ? f.Operation is FileOperation.Create or FileOperation.Write || OpenFlags.Writes(f.Flags) : null)
            .AddIpAddress("fd.sip", e => Connect(e) is { } c ? EventValues.Address(c.SourceAddress) : null)
            .AddInteger("fd.sport", e => Connect(e)?.SourcePort)
            .AddIpAddress("fd.dip", e => Connect(e) is { } c ? EventValues.Address(c.DestinationAddress) : null)
            .AddInteger("fd.dport", e => Connect(e)?.DestinationPort)
            .AddString("fd.l4proto", e => Connect(e) is { } c ? EventValues.Protocol(c.Protocol) : null)
            .AddString("dns.query", e => EventValues.NullIfEmpty(Dns(e)?.Query))
            .AddInteger("dns.rcode", e => Dns(e) is { Answered: true } d ? d.Rcode : null)
            .AddString("container.id", e => EventValues.NullIfEmpty(e.Runtime?.Context?.ContainerId))
            .AddString("container.name", e => EventValues.NullIfEmpty(e.Runtime?.Context?.ContainerName))
            .AddString("container.image", e => EventValues.NullIfEmpty(e.Runtime?.Context?.Image))
            .AddString("k8s.ns.name", e => EventValues.NullIfEmpty(e.Runtime?.Context?.PodNamespace))
            .AddString("k8s.pod.name", e => EventValues.NullIfEmpty(e.Runtime?.Context?.PodName))
            .AddString("k8s.pod.uid", e => EventValues.NullIfEmpty(e.Runtime?.Context?.PodUid))
            .AddString("node.name", e => EventValues.NullIfEmpty(e.Runtime?.Context?.Node))
            .WithAncestors(e => e.Ancestors));
    }

    private static FileActivity? File(DetectionEvent e) => e.Own is { KindCase: RuntimeEvent.KindOneofCase.File } r ? r.File : null;

    private static NetworkConnect? Connect(DetectionEvent e) =>
        e.Own is { KindCase: RuntimeEvent.KindOneofCase.Connect } r ? r.Connect : null;

    private static DnsQuery? Dns(DetectionEvent e) => e.Own is { KindCase: RuntimeEvent.KindOneofCase.Dns } r ? r.Dns : null;
}
