using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Hosting;
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
        _a = await StartSiloAsync("A", _routerA);
        _b = await StartSiloAsync("B", _routerB);

        // Even shards live on A, odd shards on B.
        _routerA.Assign(shard => shard % 2 == 0 ? null : _b.Address.Authority);
        _routerB.Assign(shard => shard % 2 == 1 ? null : _a.Address.Authority);
    }

    public async ValueTask DisposeAsync()
    {
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
    public async Task One_way_calls_to_a_remote_grain_run_there()
    {
        var remote = GrainsOnA.GetGrain<IWhereGrain>(KeyOnShard(even: false));

        await remote.NoteAsync("first");
        await remote.NoteAsync("second");
        await _b.Services.GetRequiredService<NoteLog>().WaitForAsync(2);

        // Separate one-way sends may overtake each other between silos; ordered delivery needs the batched stream.
        Assert.Equal(["B:first", "B:second"], _b.Services.GetRequiredService<NoteLog>().Notes.Order());
        Assert.Empty(_a.Services.GetRequiredService<NoteLog>().Notes);
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

    private static async Task<LoopbackGrpcHost> StartSiloAsync(string name, TestRouter router) =>
        await LoopbackGrpcHost.StartAsync(services =>
        {
            services.AddSingleton(new SiloName(name));
            services.AddSingleton<NoteLog>();
            services.AddGrainRuntime(b => b.AddGrain<IWhereGrain, WhereGrain>().UseShardRouter(_ => router));
        });

    private static string KeyOnShard(bool even)
    {
        for (var i = 0; ; i++)
        {
            var key = $"pod-{i}";
            if (new GrainId("test.where", key).Shard % 2 == (even ? 0 : 1))
            {
                return key;
            }
        }
    }
}
