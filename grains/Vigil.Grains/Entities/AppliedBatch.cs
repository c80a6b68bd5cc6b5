namespace Vigil.Grains.Entities;

/// <summary>
/// What one sender incarnation's batches did here: the highest sequence applied, the sequences applied within
/// <see cref="AppliedBatches.Window"/> below it (ascending), and when this was last touched (for eviction).
/// </summary>
public sealed record AppliedBatch(ulong Sequence, long Order, IReadOnlyList<ulong>? Recent = null);
