namespace Vigil.Runtime.Remoting;

/// <summary>How much one message on a call stream carries, in both directions.</summary>
public static class SiloCallLimits
{
    /// <summary>Calls (or results) per message: enough to amortise a write, small enough to keep latency flat.</summary>
    public const int MaxCallsPerMessage = 256;

    /// <summary>A message stops growing past this, so one large call does not make its neighbours wait for it.</summary>
    public const int TargetMessageBytes = 1024 * 1024;

    /// <summary>
    /// What a peer accepts in one message (Vigil.Grpc's default receive limit). A single call or result larger than
    /// this fails on its own with RESOURCE_EXHAUSTED rather than breaking the stream for everyone on it.
    /// </summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>A repeated field's tag and length prefix, at most, for an entry within <see cref="MaxMessageBytes"/>.</summary>
    internal const int EntryOverhead = 6;

    internal static bool FitsInMessage(int entrySize) => entrySize + EntryOverhead <= MaxMessageBytes;
}
