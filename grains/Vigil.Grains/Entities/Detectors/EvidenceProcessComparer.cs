using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Equal when every field is, arguments included (the record's own equality compares the argument list by
/// reference). Lets the downloads' process table be keyed without building a string per process on each write,
/// and, between a held evidence process and the wire process it would be made from, lets
/// <see cref="EvidenceReuse"/> find a match before building anything.
/// </summary>
public sealed class EvidenceProcessComparer : IEqualityComparer<EvidenceProcess>, IAlternateEqualityComparer<Process, EvidenceProcess>
{
    public static readonly EvidenceProcessComparer Instance = new();

    public bool Equals(EvidenceProcess? x, EvidenceProcess? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Same(x.Pid, x.Ppid, x.Uid, x.Binary, x.User, x.Cwd, x.Args, y));

    public int GetHashCode(EvidenceProcess obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Hash(obj.Pid, obj.Ppid, obj.Uid, obj.Binary, obj.Args.Count);
    }

    public bool Equals(Process alternate, EvidenceProcess other) =>
        Same(alternate.Pid, alternate.Ppid, alternate.Uid, alternate.Binary, alternate.User, alternate.Cwd, alternate.Args, other);

    public int GetHashCode(Process alternate) => Hash(alternate.Pid, alternate.Ppid, alternate.Uid, alternate.Binary, alternate.Args.Count);

    public EvidenceProcess Create(Process alternate) => EvidenceFactory.Process(alternate);

    private static bool Same(uint pid, uint ppid, uint uid, string binary, string user, string cwd, IReadOnlyList<string> args, EvidenceProcess other) =>
        pid == other.Pid && ppid == other.Ppid && uid == other.Uid
        && string.Equals(binary, other.Binary, StringComparison.Ordinal)
        && string.Equals(user, other.User, StringComparison.Ordinal)
        && string.Equals(cwd, other.Cwd, StringComparison.Ordinal)
        && args.SequenceEqual(other.Args, StringComparer.Ordinal);

    private static int Hash(uint pid, uint ppid, uint uid, string binary, int args) =>
        HashCode.Combine(pid, ppid, uid, StringComparer.Ordinal.GetHashCode(binary), args);
}
