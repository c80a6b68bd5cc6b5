namespace Vigil.Grains.Entities;

/// <summary>One outbound connection the pod made, with when it was last made; the most recent distinct ones are kept.</summary>
public sealed record ConnectionRecord(
    DateTimeOffset Time,
    string ContainerId,
    uint Pid,
    string Binary,
    string Destination,
    uint Port,
    string Protocol,
    int Errno)
{
    // Settable so that a repeat refreshes the entry held instead of replacing it with a copy the list keeps.
    public DateTimeOffset Time { get; set; } = Time;

    /// <summary>The same process connecting to the same peer the same way, with the same outcome: a repeat, whenever it happened.</summary>
    public bool SameConnection(ConnectionRecord other) =>
        Pid == other.Pid && Port == other.Port && Errno == other.Errno
        && string.Equals(Destination, other.Destination, StringComparison.Ordinal)
        && string.Equals(ContainerId, other.ContainerId, StringComparison.Ordinal)
        && string.Equals(Binary, other.Binary, StringComparison.Ordinal)
        && string.Equals(Protocol, other.Protocol, StringComparison.Ordinal);
}
