using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>A silo for the remoting tests: real Kestrel on loopback, owning the shards its router calls local.</summary>
public static class RemoteSilo
{
    public static async Task<LoopbackGrpcHost> StartAsync(
        string name,
        TestRouter router,
        Action<GrainRuntimeOptions>? options = null,
        Action<IServiceCollection>? services = null,
        int port = 0) =>
        await LoopbackGrpcHost.StartAsync(
            s =>
            {
                s.AddSingleton(new SiloName(name));
                s.AddSingleton<NoteLog>();
                s.AddSingleton<CallGate>();
                s.AddGrainRuntime(
                    b => b.AddGrain<IWhereGrain, WhereGrain>().AddGrain<IGatedGrain, GatedGrain>().UseShardRouter(_ => router),
                    options);
                services?.Invoke(s);
            },
            port: port);

    /// <summary>Stops the silo as a crash would: connections cut, nothing drained.</summary>
    public static async Task KillAsync(LoopbackGrpcHost host)
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try
        {
            await host.App.StopAsync(now.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException)
        {
            // A stop that was given no time reports what it cut short.
        }

        await host.DisposeAsync();
    }

    public static CallGate Gate(this LoopbackGrpcHost host) => host.Services.GetRequiredService<CallGate>();

    /// <summary>A key of <paramref name="grainType"/> whose shard is even (or odd), for silos that split shards that way.</summary>
    public static string KeyOnShard(string grainType, bool even, int skip = 0)
    {
        for (var i = 0; ; i++)
        {
            var key = $"pod-{i}";
            if (new GrainId(grainType, key).Shard % 2 == (even ? 0 : 1) && skip-- == 0)
            {
                return key;
            }
        }
    }
}
