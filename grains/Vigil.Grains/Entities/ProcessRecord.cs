using System.Text.Json.Serialization;

namespace Vigil.Grains.Entities;

/// <summary>
/// A process of the pod's tree, as its last exec described it; <see cref="Order"/> is insertion order for eviction.
/// It keeps only what ancestry is rebuilt from: the tree is written with every batch, so every byte counts, and the
/// tree is keyed by pid alone, so the container was never read back. Defaults are left out of the stored form.
/// </summary>
public sealed record ProcessRecord(
    uint Pid,
    uint Ppid,
    string Binary,
    IReadOnlyList<string> Args,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] uint Uid,
    string User,
    string Cwd,
    string ExecId,
    long StartTimeUnixNano,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Exited,
    long Order);
