namespace Vigil.Runtime.Testing;

/// <summary>What a <see cref="FaultProxy"/> does with the traffic through it.</summary>
public enum FaultMode
{
    /// <summary>Bytes flow both ways.</summary>
    Open,

    /// <summary>Connections stay up but nothing moves, as when a peer is paused or a network path stalls.</summary>
    Frozen,

    /// <summary>Every connection is reset and new ones are refused, as when a peer is gone or cut off.</summary>
    Cut,
}
