namespace Vigil.Grains.Entities;

/// <summary>
/// Which batches of each sender incarnation a grain applied, bounded: past the bound the sender heard from least
/// recently is forgotten (a sensor long restarted, most likely). A batch can reach a grain after a later one of the
/// same sender (the earlier one failed to commit and is replayed; the later one was already queued), so the
/// sequences applied near the highest are kept one by one; a sequence more than <see cref="Window"/> below the
/// highest counts as applied, which holds while a sender keeps fewer than that many batches unacknowledged.
/// </summary>
public sealed class AppliedBatches(Dictionary<string, AppliedBatch> applied, int capacity)
{
    public const int DefaultCapacity = 64;

    /// <summary>How far below the highest applied sequence a batch may still arrive for the first time.</summary>
    public const ulong Window = 256;

    /// <summary>True when the batch is new here and was recorded as applied; false for a replay.</summary>
    public bool TryApply(BatchOrigin? origin, long order)
    {
        if (origin is null)
        {
            return true;
        }
        var sequence = origin.Sequence;
        if (!applied.TryGetValue(origin.SenderKey, out var last))
        {
            BoundedMap.MakeRoom(applied, origin.SenderKey, capacity, a => a.Order);
            applied[origin.SenderKey] = new AppliedBatch(sequence, order, [sequence]);
            return true;
        }
        var recent = last.Recent ?? [last.Sequence];
        if (sequence + Window <= last.Sequence || recent.Contains(sequence))
        {
            return false;
        }
        var highest = Math.Max(last.Sequence, sequence);
        applied[origin.SenderKey] = new AppliedBatch(
            highest, order, [.. recent.Append(sequence).Where(s => s + Window > highest).Order()]);
        return true;
    }
}
