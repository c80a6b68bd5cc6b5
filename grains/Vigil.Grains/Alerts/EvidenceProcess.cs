namespace Vigil.Grains.Alerts;

/// <summary>One process as evidence shows it: the acting process or one of its ancestors.</summary>
public sealed record EvidenceProcess(
    uint Pid,
    uint Ppid,
    string Binary,
    IReadOnlyList<string> Args,
    uint Uid,
    string User,
    string Cwd);
