using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Testing;

namespace Vigil.Runtime.Tests.Clustering;

public sealed class ShardLeaseManagerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_silos_split_every_shard_between_them_without_overlap()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var (a, b) = (Manager(db, "silo-a"), Manager(db, "silo-b"));
        await a.JoinAsync(Ct);
        await b.JoinAsync(Ct);

        await CycleAsync(4, a, b);

        Assert.Empty(a.Held.Keys.Intersect(b.Held.Keys));
        Assert.Equal(GrainId.ShardCount, a.Held.Count + b.Held.Count);
        Assert.InRange(a.Held.Count, 512 * 0.9, 512 * 1.1);
        await AssertOneOwnerPerShardAsync(db);
    }

    [Fact]
    public async Task A_third_silo_gets_its_share_by_bounded_handoffs()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var (a, b, c) = (Manager(db, "silo-a"), Manager(db, "silo-b"), Manager(db, "silo-c"));
        await a.JoinAsync(Ct);
        await b.JoinAsync(Ct);
        await CycleAsync(2, a, b);
        var handedOff = new List<int>();
        a.HandingOff = shards =>
        {
            Assert.InRange(shards.Count, 1, 64);
            handedOff.AddRange(shards);
            return Task.CompletedTask;
        };

        await c.JoinAsync(Ct);
        await CycleAsync(12, a, b, c);

        Assert.All(new[] { a, b, c }, m => Assert.InRange(m.Held.Count, 1024 / 3 * 0.9, 1024 / 3 * 1.1));
        Assert.Equal(GrainId.ShardCount, a.Held.Count + b.Held.Count + c.Held.Count);
        Assert.All(handedOff, shard => Assert.True(c.Held.ContainsKey(shard)));
        await AssertOneOwnerPerShardAsync(db);
    }

    [Fact]
    public async Task A_silo_that_cannot_renew_stops_serving_by_its_own_clock()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var clock = new ManualTimeProvider();
        var a = Manager(db, "silo-a", clock);
        await a.JoinAsync(Ct);
        await a.CycleAsync(Ct);
        var shard = a.Held.Keys.First();
        Assert.NotNull(a.EpochOf(shard));

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(a.EpochOf(shard));
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.False(a.IsServing);
        Assert.Null(a.EpochOf(shard));
    }

    [Fact]
    public async Task Shards_of_a_silo_that_left_are_taken_over_at_a_higher_epoch()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var (a, b) = (Manager(db, "silo-a"), Manager(db, "silo-b"));
        await a.JoinAsync(Ct);
        await b.JoinAsync(Ct);
        await CycleAsync(3, a, b);
        var before = a.Held.ToDictionary();

        await a.LeaveAsync(Ct);
        await b.CycleAsync(Ct);

        Assert.Equal(GrainId.ShardCount, b.Held.Count);
        Assert.All(before, pair => Assert.True(b.Held[pair.Key] > pair.Value));
    }

    private static ShardLeaseManager Manager(ClusterDatabase db, string silo, TimeProvider? clock = null) => new(
        new MembershipTable(db.DataSource),
        new ShardLeaseTable(db.DataSource, TimeSpan.FromSeconds(15)),
        new ClusterOptions { SiloId = silo, Address = silo + ":50051" },
        clock ?? TimeProvider.System,
        NullLogger<ShardLeaseManager>.Instance);

    private static async Task CycleAsync(int rounds, params ShardLeaseManager[] managers)
    {
        for (var i = 0; i < rounds; i++)
        {
            foreach (var manager in managers)
            {
                await manager.CycleAsync(Ct);
            }
        }
    }

    private static async Task AssertOneOwnerPerShardAsync(ClusterDatabase db)
    {
        var rows = await new ShardLeaseTable(db.DataSource, TimeSpan.FromSeconds(15)).ListAsync(Ct);
        Assert.Equal(GrainId.ShardCount, rows.Count);
        Assert.All(rows, row => Assert.NotNull(row.OwnerSilo));
    }
}
