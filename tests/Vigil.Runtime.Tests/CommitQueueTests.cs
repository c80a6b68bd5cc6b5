using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Tests.Clustering;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

public sealed class CommitQueueTests
{
    private static readonly GrainId Slow = new("test.note", "slow");
    private static readonly GrainId Other = new("test.note", "other");

    // Only a broken queue ever waits this long: it bounds a hang, it times nothing.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_write_commits_while_an_earlier_transaction_still_waits_on_the_database()
    {
        var storage = new GatedStorage(Slow);
        await using var queue = NewQueue(storage, concurrency: 2);
        using var gate = storage;
        var slow = queue.EnqueueAsync(new StateWrite(Slow, [1], 0));
        await storage.Holding;

        // Without a second transaction in flight this would wait for the release that comes after it.
        var other = await queue.EnqueueAsync(new StateWrite(Other, [2], 0)).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(1, other);
        Assert.False(slow.IsCompleted);
        storage.Release();
        Assert.Equal(1, await slow);
    }

    [Fact]
    public async Task A_grains_next_write_waits_for_the_transaction_holding_its_last_one()
    {
        var storage = new GatedStorage(Slow);
        await using var queue = NewQueue(storage, concurrency: 2);
        using var gate = storage;
        var first = queue.EnqueueAsync(new StateWrite(Slow, [1], 0));
        await storage.Holding;
        var second = queue.EnqueueAsync(new StateWrite(Slow, [2], 1));

        // Queued after the second write, so committed only after the queue has looked at it.
        await queue.EnqueueAsync(new StateWrite(Other, [3], 0)).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.False(second.IsCompleted);
        storage.Release();
        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
        var committed = storage.Committed.ToArray();
        Assert.Equal([[Other], [Slow], [Slow]], committed.Select(b => b.ToArray()).ToArray());
        Assert.Equal([2], (await storage.ReadAsync(Slow, CancellationToken.None))!.Payload);
    }

    [Fact]
    public async Task With_one_transaction_at_a_time_a_write_waits_for_the_one_in_flight()
    {
        var storage = new GatedStorage(Slow);
        await using var queue = NewQueue(storage, concurrency: 1);
        using var gate = storage;
        var slow = queue.EnqueueAsync(new StateWrite(Slow, [1], 0));
        await storage.Holding;
        var other = queue.EnqueueAsync(new StateWrite(Other, [2], 0));

        storage.Release();
        await Task.WhenAll(slow, other);

        Assert.Equal([[Slow], [Other]], storage.Committed.Select(b => b.ToArray()).ToArray());
    }

    [Fact]
    public async Task Disposing_commits_what_is_queued_and_in_flight()
    {
        var storage = new GatedStorage(Slow);
        var queue = NewQueue(storage, concurrency: 2);
        using var gate = storage;
        var first = queue.EnqueueAsync(new StateWrite(Slow, [1], 0));
        await storage.Holding;
        var second = queue.EnqueueAsync(new StateWrite(Slow, [2], 1));
        var other = queue.EnqueueAsync(new StateWrite(Other, [3], 0));

        var disposed = queue.DisposeAsync().AsTask();
        storage.Release();
        await disposed;

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully && other.IsCompletedSuccessfully);
        Assert.Equal(0, queue.Depth);
    }

    private static CommitQueue NewQueue(IGrainStorage storage, int concurrency) =>
        new(storage, 100, TimeSpan.Zero, new RuntimeInstruments(new TestMeterFactory(), () => 0, () => 0, () => 0), NullLogger.Instance, null, concurrency);
}
