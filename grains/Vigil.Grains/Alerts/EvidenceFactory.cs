using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection;

namespace Vigil.Grains.Alerts;

/// <summary>Copies what an alert needs to keep out of a runtime or audit event.</summary>
public static class EvidenceFactory
{
    public static AlertEvidence From(RuntimeEvent value, string output) => From(value, output, Process);

    /// <summary>The evidence with each process made by <paramref name="process"/>: a state that keeps evidence can share equal processes.</summary>
    public static AlertEvidence From(RuntimeEvent value, string output, Func<Process?, EvidenceProcess> process)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(process);
        var ancestors = new EvidenceProcess[value.Ancestors.Count];
        for (var i = 0; i < ancestors.Length; i++)
        {
            ancestors[i] = process(value.Ancestors[i]);
        }
        return new(
            EventTypes.Of(value) ?? value.KindCase.ToString(),
            DateTimeOffset.UnixEpoch.AddTicks((value.Context?.TimeUnixNano ?? 0) / 100),
            process(value.Process),
            ancestors,
            Detail(value),
            value.Errno,
            output);
    }

    public static AlertEvidence From(AuditEvent value, string output)
    {
        var target = value.ObjectRef;
        var request = new AuditEvidence(
            value.AuditId, value.Stage, value.Verb, value.User?.Username ?? "", value.ImpersonatedUser?.Username ?? "",
            target?.Resource ?? "", target?.Subresource ?? "", target?.Namespace ?? "", target?.Name ?? "",
            value.UserAgent, [.. value.SourceIps], value.ResponseCode, value.RequestUri);
        var resource = request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource;
        var where = request.Namespace.Length > 0 ? $"{request.Namespace}/{request.Name}" : request.Name;
        var time = value.StageUnixNano != 0 ? value.StageUnixNano : value.RequestReceivedUnixNano;
        return new AlertEvidence(
            "audit",
            DateTimeOffset.UnixEpoch.AddTicks(time / 100),
            Process(null),
            [],
            $"{request.User} {request.Verb} {resource} {where}".TrimEnd(),
            0,
            output,
            request);
    }

    public static EvidenceProcess Process(Process? process) => process is null
        ? new EvidenceProcess(0, 0, "", [], 0, "", "")
        : new EvidenceProcess(process.Pid, process.Ppid, process.Binary, [.. process.Args], process.Uid, process.User, process.Cwd);

    private static string Detail(RuntimeEvent value) => value.KindCase switch
    {
        RuntimeEvent.KindOneofCase.Exec => string.Join(' ', [value.Process?.Binary ?? "", .. value.Process?.Args ?? []]),
        RuntimeEvent.KindOneofCase.Exit => $"status {value.Exit.Status} signal {value.Exit.Signal}",
        RuntimeEvent.KindOneofCase.File => value.File.Path,
        RuntimeEvent.KindOneofCase.Connect =>
            $"{EventValues.Address(value.Connect.DestinationAddress)}:{value.Connect.DestinationPort}/{EventValues.Protocol(value.Connect.Protocol)}",
        RuntimeEvent.KindOneofCase.Dns => value.Dns.Query,
        _ => "",
    };
}
