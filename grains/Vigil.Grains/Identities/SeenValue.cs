namespace Vigil.Grains.Identities;

/// <summary>When an identity first and last did something, and how often.</summary>
public sealed record SeenValue(DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Count);
