using Vigil.Grains.Identities;

namespace Vigil.Grains.Entities;

/// <summary>What processes outside any container did on a node: executables run and events by kind, bounded.</summary>
public sealed class HostActivity
{
    public const int MaxExecutables = 512;

    public Dictionary<string, SeenValue> Executables { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> EventsByType { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastEventAt { get; set; }
}
