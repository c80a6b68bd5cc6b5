using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Entities;

/// <summary>
/// <see cref="EvidenceProcessComparer"/>'s equality, also between a held evidence process and the wire process it
/// would be made from, so <see cref="EvidenceReuse"/> finds a match before building anything.
/// </summary>
public sealed class EvidenceProcessKeys : IEqualityComparer<EvidenceProcess>, IAlternateEqualityComparer<Process, EvidenceProcess>
{
    public static readonly EvidenceProcessKeys Instance = new();

    public bool Equals(EvidenceProcess? x, EvidenceProcess? y) => EvidenceProcessComparer.Instance.Equals(x, y);

    public int GetHashCode(EvidenceProcess obj) => EvidenceProcessComparer.Instance.GetHashCode(obj);

    public bool Equals(Process alternate, EvidenceProcess other) =>
        alternate.Pid == other.Pid && alternate.Ppid == other.Ppid && alternate.Uid == other.Uid
        && string.Equals(alternate.Binary, other.Binary, StringComparison.Ordinal)
        && string.Equals(alternate.User, other.User, StringComparison.Ordinal)
        && string.Equals(alternate.Cwd, other.Cwd, StringComparison.Ordinal)
        && alternate.Args.SequenceEqual(other.Args, StringComparer.Ordinal);

    public int GetHashCode(Process alternate) =>
        HashCode.Combine(alternate.Pid, alternate.Ppid, alternate.Uid, StringComparer.Ordinal.GetHashCode(alternate.Binary), alternate.Args.Count);

    public EvidenceProcess Create(Process alternate) => EvidenceFactory.Process(alternate);
}
