namespace Vigil.Grains.Entities;

/// <summary>The last sequence applied from one sender incarnation, and when (by insertion order) for eviction.</summary>
public sealed record AppliedBatch(ulong Sequence, long Order);
