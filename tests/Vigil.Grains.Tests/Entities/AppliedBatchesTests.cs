using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

public sealed class AppliedBatchesTests
{
    [Fact]
    public void A_batch_replayed_after_a_later_one_was_applied_is_applied_once()
    {
        var book = new AppliedBatches([], AppliedBatches.DefaultCapacity);

        // Batch 5 failed to commit while 6 was already queued behind it; the sender replays 5 and then 6.
        Assert.True(book.TryApply(Origin(4), 1));
        Assert.True(book.TryApply(Origin(6), 2));
        Assert.True(book.TryApply(Origin(5), 3));
        Assert.False(book.TryApply(Origin(6), 4));
        Assert.False(book.TryApply(Origin(5), 5));
        Assert.False(book.TryApply(Origin(4), 6));
        Assert.True(book.TryApply(Origin(7), 7));
    }

    [Fact]
    public void A_sequence_a_window_below_the_highest_counts_as_applied_and_another_incarnation_starts_afresh()
    {
        var applied = new Dictionary<string, AppliedBatch>();
        var book = new AppliedBatches(applied, AppliedBatches.DefaultCapacity);
        Assert.True(book.TryApply(Origin(1000), 1));

        Assert.False(book.TryApply(Origin(1000 - AppliedBatches.Window), 2));
        Assert.True(book.TryApply(Origin(1000 - AppliedBatches.Window + 1), 3));
        Assert.True(book.TryApply(new BatchOrigin("sensor/a", "boot-2", 1), 4));
        Assert.All(applied.Values, a => Assert.True(a.Recent!.Count <= (int)AppliedBatches.Window));
    }

    [Fact]
    public void Past_its_capacity_the_sender_heard_from_least_recently_is_forgotten()
    {
        var applied = new Dictionary<string, AppliedBatch>();
        var book = new AppliedBatches(applied, 2);
        book.TryApply(new BatchOrigin("a", "1", 1), 1);
        book.TryApply(new BatchOrigin("b", "1", 1), 2);
        book.TryApply(new BatchOrigin("c", "1", 1), 3);

        Assert.Equal(["b/1", "c/1"], applied.Keys.Order(StringComparer.Ordinal));
    }

    private static BatchOrigin Origin(ulong sequence) => new("sensor/a", "boot-1", sequence);
}
