using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Remoting;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>Two silos, each serving the shards its router calls local, calling each other over Vigil.Grpc.</summary>
public sealed class RemoteCallTests : IAsyncLifetime
{
    private readonly TestRouter _routerA = new();
    private readonly TestRouter _routerB = new();
    private LoopbackGrpcHost _a = null!;
    private LoopbackGrpcHost _b = null!;

    private IGrainFactory GrainsOnA => _a.Services.GetRequiredService<IGrainFactory>();

    public async ValueTask InitializeAsync()
    {
        _a = await RemoteSilo.StartAsync("A", _routerA, o => o.CallTimeout = TimeSpan.FromSeconds(2));
        _b = await RemoteSilo.StartAsync("B", _routerB);

        // Even shards live on A, odd shards on B.
        _routerA.Assign(shard => shard % 2 == 0 ? null : _b.Address.Authority);
        _routerB.Assign(shard => shard % 2 == 1 ? null : _a.Address.Authority);
    }

    public async ValueTask DisposeAsync()
    {
        _a.Gate().Open();
        _b.Gate().Open();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_call_runs_on_the_silo_that_owns_the_grains_shard()
    {
        var local = GrainsOnA.GetGrain<IWhereGrain>(KeyOnShard(even: true));
        var remote = GrainsOnA.GetGrain<IWhereGrain>(KeyOnShard(even: false));

        Assert.Equal("A:héllo", await local.WhereAsync("héllo"));
        Assert.Equal("B:héllo", await remote.WhereAsync("héllo"));
    }

    [Fact]
    public async Task A_remote_grains_exception_reaches_the_caller_with_its_type_and_message()
    {
        var remote = GrainsOnA.GetGrain<IWhereGrain>(KeyOnShard(even: false));

        var error = await Assert.ThrowsAsync<RemoteGrainException>(() => remote.FailAsync("no such pod"));

        Assert.Equal(typeof(ArgumentException).FullName, error.RemoteType);
        Assert.Equal("no such pod", error.RemoteMessage);
    }

    [Fact]
    public async Task One_way_calls_to_a_remote_grain_run_there_in_the_order_sent()
    {
        var remote = GrainsOnA.GetGrain<IWhereGrain>(KeyOnShard(even: false));
        var sent = Enumerable.Range(0, 300).Select(i => $"note-{i}").ToList();

        foreach (var note in sent)
        {
            await remote.NoteAsync(note);
        }

        // One stream per destination, admitted in the order written: the two-way call comes after every note.
        Assert.Equal(sent, await remote.NotesAsync());
        Assert.Equal(sent.Select(n => "B:" + n), _b.Services.GetRequiredService<NoteLog>().Notes);
        Assert.Empty(_a.Services.GetRequiredService<NoteLog>().Notes);
    }

    [Fact]
    public async Task A_fast_calls_result_is_not_held_behind_a_slow_call_to_the_same_silo()
    {
        var slow = GrainsOnA.GetGrain<IGatedGrain>(RemoteSilo.KeyOnShard("test.gated", even: false)).PassAsync("slow");
        await _b.Gate().WaitForEnteredAsync(1);

        Assert.Equal("B:fast", await GrainsOnA.GetGrain<IWhereGrain>(KeyOnShard(even: false)).WhereAsync("fast"));
        Assert.False(slow.IsCompleted);

        _b.Gate().Open();
        Assert.Equal("B:slow", await slow);
    }

    [Fact]
    public async Task A_remote_call_that_outlives_the_call_timeout_fails_as_timed_out_and_is_not_sent_again()
    {
        var key = RemoteSilo.KeyOnShard("test.gated", even: false);

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => GrainsOnA.GetGrain<IGatedGrain>(key).PassAsync("late"));

        Assert.Equal("test.gated", error.Grain.Type);
        Assert.Equal(["late"], _b.Gate().Entered);

        // The stream outlives the timed-out call: the grain's next call is answered on it.
        _b.Gate().Open();
        Assert.Equal("B:again", await GrainsOnA.GetGrain<IGatedGrain>(key).PassAsync("again"));
        Assert.Equal(["late", "again"], _b.Gate().Entered);
    }

    [Fact]
    public async Task A_silo_that_no_longer_owns_a_shard_redirects_and_the_caller_follows()
    {
        var key = KeyOnShard(even: false);

        // A still believes B owns the shard; B has given it to A (a finished handoff A has not seen yet).
        _routerB.Assign(_ => _a.Address.Authority);
        _routerA.AssignOnRefresh(_ => null);

        Assert.Equal("A:moved", await GrainsOnA.GetGrain<IWhereGrain>(key).WhereAsync("moved"));
        Assert.Equal(1, _routerA.Refreshes);
    }

    [Fact]
    public async Task A_call_running_on_a_silo_that_dies_is_not_run_again_and_the_next_call_follows_the_shard()
    {
        var key = RemoteSilo.KeyOnShard("test.gated", even: false);
        var waiting = GrainsOnA.GetGrain<IGatedGrain>(key).PassAsync("orphaned");
        await _b.Gate().WaitForEnteredAsync(1);

        // B crashes while running the call; A's next look at the owners finds the shard is A's now.
        _routerA.AssignOnRefresh(_ => null);
        _a.Gate().Open();
        await RemoteSilo.KillAsync(_b);
        _b = await RemoteSilo.StartAsync("B2", _routerB);

        var unknown = await Assert.ThrowsAsync<RemoteCallOutcomeUnknownException>(() => waiting);
        Assert.Equal(new GrainId("test.gated", key), unknown.Grain);
        Assert.Empty(_a.Gate().Entered);

        // A's next look at the owners (its lease cycle, in a cluster) sends later calls to the shard's new owner.
        await _routerA.RefreshAsync(TestContext.Current.CancellationToken);
        await GrainsOnA.GetGrain<IGatedGrain>(key).PassAsync("next");
        Assert.Equal(["next"], _a.Gate().Entered);
        Assert.Equal(1, _routerA.Refreshes);
    }

    private static string KeyOnShard(bool even) => RemoteSilo.KeyOnShard("test.where", even);
}
