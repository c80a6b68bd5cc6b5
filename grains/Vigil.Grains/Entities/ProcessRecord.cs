namespace Vigil.Grains.Entities;

/// <summary>A process of the pod's tree, as its last exec described it; <see cref="Order"/> is insertion order for eviction.</summary>
public sealed record ProcessRecord(
    uint Pid,
    uint Ppid,
    string Binary,
    IReadOnlyList<string> Args,
    uint Uid,
    string User,
    string Cwd,
    string ContainerId,
    string ExecId,
    long StartTimeUnixNano,
    bool Exited,
    long Order);
