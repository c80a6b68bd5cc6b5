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
    // Settable so that the tree updates the records it holds: an exit, a process's every event, and an exec that
    // takes the place of an evicted or replaced process. A new record per event or exec was a young object the tree
    // kept for seconds, one of the things each collection had to promote. Nothing outside the turn holds a record.
    public uint Pid { get; set; } = Pid;

    public uint Ppid { get; set; } = Ppid;

    public string Binary { get; set; } = Binary;

    public IReadOnlyList<string> Args { get; set; } = Args;

    public uint Uid { get; set; } = Uid;

    public string User { get; set; } = User;

    public string Cwd { get; set; } = Cwd;

    public string ExecId { get; set; } = ExecId;

    public long StartTimeUnixNano { get; set; } = StartTimeUnixNano;

    public bool Exited { get; set; } = Exited;

    public long Order { get; set; } = Order;
}
