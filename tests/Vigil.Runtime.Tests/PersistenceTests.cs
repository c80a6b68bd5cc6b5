using System.Collections.Concurrent;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Tests.Grains;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

public sealed class PersistenceTests
{
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Quantum = TimeSpan.FromMinutes(1);

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task An_idle_grain_deactivates_after_the_collection_age_and_reactivates_with_its_persisted_state(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage, o => (o.CollectionAge, o.CollectionQuantum) = (CollectionAge, Quantum));
        var key = Guid.NewGuid().ToString();
        var grain = silo.Grains.GetGrain<INoteGrain>(key);
        var id = $"test.note/{key}";

        await grain.SetAsync("written");
        await grain.SetLaterAsync("written on deactivation");
        Assert.Equal(1, silo.Journal.Count($"activated {id}"));

        silo.Clock.Advance(CollectionAge - Quantum);
        Assert.Equal(0, silo.Journal.Count($"deactivated {id} Idle"));
        silo.Clock.Advance(Quantum + Quantum);
        await silo.Journal.WaitForAsync($"deactivated {id} Idle");

        Assert.Equal("written on deactivation", await grain.GetAsync());
        Assert.Equal(2, silo.Journal.Count($"activated {id}"));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task State_survives_a_silo_restart(string kind)
    {
        using var storage = TestStorage.Create(kind);
        var key = Guid.NewGuid().ToString();
        await using (var first = await TestSilo.StartAsync(storage))
        {
            await first.Grains.GetGrain<INoteGrain>(key).SetAsync("before restart");
        }

        await using var second = await TestSilo.StartAsync(storage);

        Assert.Equal("before restart", await second.Grains.GetGrain<INoteGrain>(key).GetAsync());
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task A_writer_with_a_stale_version_gets_a_conflict_and_changes_nothing(string kind)
    {
        using var storage = TestStorage.Create(kind);
        var key = Guid.NewGuid().ToString();
        await using var one = await TestSilo.StartAsync(storage);
        await using var two = await TestSilo.StartAsync(storage);
        await one.Grains.GetGrain<INoteGrain>(key).SetAsync("first");
        Assert.Equal("first", await two.Grains.GetGrain<INoteGrain>(key).GetAsync());

        await one.Grains.GetGrain<INoteGrain>(key).SetAsync("second");
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => two.Grains.GetGrain<INoteGrain>(key).SetAsync("stale"));

        Assert.Equal(1, conflict.ExpectedVersion);
        var stored = await (await storage.OpenSeparateAsync()).ReadAsync(new GrainId("test.note", key), CancellationToken.None);
        Assert.Equal(2, stored!.Version);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task Clearing_state_keeps_the_version_growing(string kind)
    {
        using var storage = TestStorage.Create(kind);
        var key = Guid.NewGuid().ToString();
        await using var silo = await TestSilo.StartAsync(storage);
        var grain = silo.Grains.GetGrain<INoteGrain>(key);

        await grain.SetAsync("to be cleared");
        await grain.ClearAsync();

        Assert.Null(await grain.GetAsync());
        var stored = await (await storage.OpenSeparateAsync()).ReadAsync(new GrainId("test.note", key), CancellationToken.None);
        Assert.Equal(new StoredState(null, 2), stored);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task Ten_thousand_grains_updated_once_take_at_most_200_transactions(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);
        var prefix = Guid.NewGuid().ToString("N");
        var before = silo.Runtime.CommitQueue.Transactions;

        await Task.WhenAll(Enumerable.Range(0, 10_000).Select(i => silo.Grains.GetGrain<INoteGrain>($"{prefix}-{i}").SetAsync($"note {i}")));

        var transactions = silo.Runtime.CommitQueue.Transactions - before;
        Assert.InRange(transactions, 1, 200);
        var separate = await storage.OpenSeparateAsync();
        Assert.Equal(1, (await separate.ReadAsync(new GrainId("test.note", $"{prefix}-9999"), CancellationToken.None))!.Version);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task Every_commit_signal_fires_only_once_another_connection_can_read_the_write(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);
        var separate = await storage.OpenSeparateAsync();
        var prefix = Guid.NewGuid().ToString("N");
        var unseen = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 10_000).Select(async i =>
        {
            var grain = new GrainId("test.signal", $"{prefix}-{i}");
            var version = await silo.Runtime.CommitQueue.EnqueueAsync(new StateWrite(grain, [(byte)i], 0));

            // Read the moment the signal fires, on a connection the writer never used.
            var stored = await separate.ReadAsync(grain, CancellationToken.None);
            if (stored?.Version != version || stored.Payload?[0] != (byte)i)
            {
                unseen.Add(grain.Key);
            }
        }));

        Assert.Empty(unseen);
    }
}
