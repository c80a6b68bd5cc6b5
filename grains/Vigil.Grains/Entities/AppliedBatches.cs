namespace Vigil.Grains.Entities;

/// <summary>
/// The last batch sequence a grain applied per sender incarnation, bounded: past the bound the sender heard from
/// least recently is forgotten (a sensor long restarted, most likely). Batches reach a grain in the order their
/// sender sent them, so "at or below the last applied" is exactly "already applied".
/// </summary>
public sealed class AppliedBatches(Dictionary<string, AppliedBatch> applied, int capacity)
{
    public const int DefaultCapacity = 64;

    /// <summary>True when the batch is new here and was recorded as applied; false for a replay.</summary>
    public bool TryApply(BatchOrigin? origin, long order)
    {
        if (origin is null)
        {
            return true;
        }
        if (applied.TryGetValue(origin.SenderKey, out var last) && last.Sequence >= origin.Sequence)
        {
            return false;
        }
        if (last is null && applied.Count >= capacity)
        {
            applied.Remove(applied.MinBy(a => a.Value.Order).Key);
        }
        applied[origin.SenderKey] = new AppliedBatch(origin.Sequence, order);
        return true;
    }
}
