namespace Vigil.Grains.Entities;

/// <summary>
/// A process of the pod's tree, as its last exec described it; <see cref="Order"/> orders its exec or latest event
/// among the pod's others, for eviction. It keeps only what ancestry is rebuilt from: the tree is written with every
/// batch (compactly, <see cref="ProcessTreeJsonConverter"/>), and it is keyed by pid alone, so the container it ran
/// in was never read back and is not kept.
/// </summary>
public sealed record ProcessRecord(
    uint Pid,
    uint Ppid,
    string Binary,
    IReadOnlyList<string> Args,
    uint Uid,
    string User,
    string Cwd,
    string ExecId,
    long StartTimeUnixNano,
    bool Exited,
    long Order)
{
    // Settable so that an exit or a process's every event updates the record the tree holds: a copy per event was
    // a young object the tree kept, one of the things each collection had to promote.
    public bool Exited { get; set; } = Exited;

    public long Order { get; set; } = Order;
}
