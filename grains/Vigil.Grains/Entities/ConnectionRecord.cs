namespace Vigil.Grains.Entities;

/// <summary>One outbound connection the pod made, most recent kept.</summary>
public sealed record ConnectionRecord(
    DateTimeOffset Time,
    string ContainerId,
    uint Pid,
    string Binary,
    string Destination,
    uint Port,
    string Protocol,
    int Errno);
