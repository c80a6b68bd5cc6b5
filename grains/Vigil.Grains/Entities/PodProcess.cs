namespace Vigil.Grains.Entities;

/// <summary>One process of a pod's tree as the dashboard shows it; <see cref="Ppid"/> links it to its parent.</summary>
public sealed record PodProcess(uint Pid, uint Ppid, string Binary, IReadOnlyList<string> Args, string User, bool Exited);
