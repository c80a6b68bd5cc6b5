using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Equal when every field is, arguments included (the record's own equality compares the argument list by
/// reference). Lets the downloads' process table be keyed without building a string per process on each write.
/// </summary>
public sealed class EvidenceProcessComparer : IEqualityComparer<EvidenceProcess>
{
    public static readonly EvidenceProcessComparer Instance = new();

    public bool Equals(EvidenceProcess? x, EvidenceProcess? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null
            && x.Pid == y.Pid && x.Ppid == y.Ppid && x.Uid == y.Uid
            && string.Equals(x.Binary, y.Binary, StringComparison.Ordinal)
            && string.Equals(x.User, y.User, StringComparison.Ordinal)
            && string.Equals(x.Cwd, y.Cwd, StringComparison.Ordinal)
            && x.Args.SequenceEqual(y.Args, StringComparer.Ordinal));

    public int GetHashCode(EvidenceProcess obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Pid, obj.Ppid, obj.Uid, StringComparer.Ordinal.GetHashCode(obj.Binary), obj.Args.Count);
    }
}
