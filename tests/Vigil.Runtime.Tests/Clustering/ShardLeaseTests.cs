using Vigil.Runtime.Clustering;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Clustering;

public sealed class ShardLeaseTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_held_lease_is_not_taken_and_every_take_raises_the_epoch()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var members = new MembershipTable(db.DataSource);
        var leases = new ShardLeaseTable(db.DataSource, Ttl);
        var a = await members.JoinAsync("a", "127.0.0.1:1", Ct);
        var b = await members.JoinAsync("b", "127.0.0.1:2", Ct);

        var first = await leases.AcquireAsync("a", a, [1, 2, 3], Ct);
        var refused = await leases.AcquireAsync("b", b, [2, 3, 4], Ct);
        await leases.ReleaseAsync("a", a, [3], Ct);
        var afterRelease = await leases.AcquireAsync("b", b, [3], Ct);

        Assert.Equal([new(1, 1), new(2, 1), new(3, 1)], first.OrderBy(l => l.Shard));
        Assert.Equal([new ShardLease(4, 1)], refused);
        Assert.Equal([new ShardLease(3, 2)], afterRelease);
        Assert.Equal([1, 2], (await leases.RenewAsync("a", a, Ct)).Select(l => l.Shard).Order());
    }

    [Fact]
    public async Task Expired_leases_and_leases_of_dead_or_restarted_silos_are_taken_over()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var members = new MembershipTable(db.DataSource);
        var expiredAtOnce = new ShardLeaseTable(db.DataSource, TimeSpan.FromSeconds(-1));
        var leases = new ShardLeaseTable(db.DataSource, Ttl);
        var a = await members.JoinAsync("a", "127.0.0.1:1", Ct);
        var b = await members.JoinAsync("b", "127.0.0.1:2", Ct);
        var c = await members.JoinAsync("c", "127.0.0.1:3", Ct);
        await expiredAtOnce.AcquireAsync("a", a, [10], Ct);
        await leases.AcquireAsync("b", b, [11], Ct);
        await leases.AcquireAsync("c", c, [12], Ct);

        await members.SetStatusAsync("b", b, SiloStatus.Dead, Ct);
        var c2 = await members.JoinAsync("c", "127.0.0.1:3", Ct);
        var taken = await leases.AcquireAsync("a", a, [10, 11, 12], Ct);

        Assert.True(c2 > c, "a restart gets a greater incarnation");
        Assert.Equal([new(10, 2), new(11, 2), new(12, 2)], taken.OrderBy(l => l.Shard));
        Assert.Empty(await leases.RenewAsync("b", b, Ct));
        Assert.False(await members.HeartbeatAsync("c", c, Ct));
    }

    [Fact]
    public async Task A_commit_under_a_lost_lease_writes_nothing_of_that_shard_and_the_rest_still_commits()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var members = new MembershipTable(db.DataSource);
        var leases = new ShardLeaseTable(db.DataSource, Ttl);
        await using var storage = new PostgresGrainStorage(Npgsql.NpgsqlDataSource.Create(db.DataSource.ConnectionString));
        var a = await members.JoinAsync("a", "127.0.0.1:1", Ct);
        var b = await members.JoinAsync("b", "127.0.0.1:2", Ct);
        var kept = GrainOnShard(5);
        var lost = GrainOnShard(6);
        var fence = new TestFence("a", a);
        foreach (var lease in await leases.AcquireAsync("a", a, [5, 6], Ct))
        {
            fence.Hold(lease.Shard, lease.Epoch);
        }

        // Silo a is declared dead and b takes shard 6 at epoch 2, while a still believes it holds epoch 1.
        await members.SetStatusAsync("a", a, SiloStatus.Dead, Ct);
        Assert.Equal([new ShardLease(6, 2)], await leases.AcquireAsync("b", b, [6], Ct));
        var fenced = await storage.WriteBatchAsync([new StateWrite(kept, [1], 0), new StateWrite(lost, [2], 0)], fence, Ct);

        Assert.Equal([6], fenced.LostShards);
        Assert.Null(await storage.ReadAsync(kept, Ct));
        Assert.Null(await storage.ReadAsync(lost, Ct));
    }

    [Fact]
    public async Task The_commit_queue_never_acknowledges_a_write_of_a_lost_shard_and_commits_the_others()
    {
        await using var db = await ClusterDatabase.CreateAsync();
        var members = new MembershipTable(db.DataSource);
        var leases = new ShardLeaseTable(db.DataSource, Ttl);
        await using var storage = new PostgresGrainStorage(Npgsql.NpgsqlDataSource.Create(db.DataSource.ConnectionString));
        var a = await members.JoinAsync("a", "127.0.0.1:1", Ct);
        var fence = new TestFence("a", a);
        foreach (var lease in await leases.AcquireAsync("a", a, [7, 8], Ct))
        {
            fence.Hold(lease.Shard, lease.Epoch);
        }

        fence.Hold(8, 99);
        await using var queue = new CommitQueue(storage, 100, TimeSpan.FromMilliseconds(5), NewInstruments(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, fence);
        var keptWrite = queue.EnqueueAsync(new StateWrite(GrainOnShard(7), [1], 0));
        var lostWrite = queue.EnqueueAsync(new StateWrite(GrainOnShard(8), [2], 0));

        Assert.Equal(1, await keptWrite);
        await Assert.ThrowsAsync<ShardOwnershipLostException>(() => lostWrite);
        Assert.Contains(8, fence.LostShards);
        Assert.Null(await storage.ReadAsync(GrainOnShard(8), Ct));
    }

    [Fact]
    public void Rendezvous_moves_only_the_shards_a_new_silo_wins_and_spreads_them_evenly()
    {
        string[] two = ["silo-a", "silo-b"];
        string[] three = ["silo-a", "silo-b", "silo-c"];

        var before = Enumerable.Range(0, GrainId.ShardCount).Select(s => Rendezvous.OwnerOf(s, two)).ToArray();
        var after = Enumerable.Range(0, GrainId.ShardCount).Select(s => Rendezvous.OwnerOf(s, three)).ToArray();

        var moved = Enumerable.Range(0, GrainId.ShardCount).Where(s => before[s] != after[s]).ToArray();
        Assert.All(moved, s => Assert.Equal("silo-c", after[s]));
        Assert.All(three, silo => Assert.InRange(after.Count(o => o == silo), 1024 / 3 * 0.9, 1024 / 3 * 1.1));
    }

    private static GrainId GrainOnShard(int shard)
    {
        for (var i = 0; ; i++)
        {
            var id = new GrainId("test.fenced", $"g-{i}");
            if (id.Shard == shard)
            {
                return id;
            }
        }
    }

    private static RuntimeInstruments NewInstruments() =>
        new(new TestMeterFactory(), () => 0, () => 0, () => 0);
}
