using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Grpc.Server;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Hosting;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// The body of a test silo executable: a cluster member on PostgreSQL with the caller's grains, gRPC (h2c) for
/// silo-to-silo calls, and HTTP/1 control endpoints (<see cref="TestSiloEndpoints"/>). It prints one
/// <see cref="TestSiloReadyLine"/> when it serves; SIGTERM stops it the host's way, handing every shard off.
/// </summary>
public static class TestSiloProgram
{
    /// <summary>Runs until SIGTERM or Ctrl+C; returns the exit code (2 for a bad command line).</summary>
    public static async Task<int> RunAsync(
        string[] args,
        Action<GrainRuntimeBuilder> addGrains,
        IReadOnlyDictionary<string, GrainOperation> operations,
        Action<WebApplication>? map = null)
    {
        ArgumentNullException.ThrowIfNull(addGrains);
        var (options, error) = TestSiloCommandLine.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n{TestSiloCommandLine.Usage}").ConfigureAwait(false);
            return 2;
        }

        await using var app = Build(options, addGrains, operations, map, out var endpoints);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() =>
        {
            var incarnation = app.Services.GetRequiredService<Clustering.ShardLeaseManager>().Incarnation;
            Console.Out.WriteLine(new TestSiloReadyLine(options.SiloId, incarnation, options.GrpcListen, endpoints.Http).ToString());
            Console.Out.Flush();
        });
        if (options.ExitWithParent)
        {
            _ = Task.Run(() => ExitWhenParentGoesAsync(lifetime));
        }

        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static WebApplication Build(
        TestSiloOptions options,
        Action<GrainRuntimeBuilder> addGrains,
        IReadOnlyDictionary<string, GrainOperation> operations,
        Action<WebApplication>? map,
        out BoundEndpoints endpoints)
    {
        // Other silos reach this one at the address it announces when it joins, which is before Kestrel binds: a
        // port of 0 must become a real one now.
        options.GrpcListen = ListenAddress.WithFreePort(options.GrpcListen);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Vigil", LogLevel.Information);
        var bound = new BoundEndpoints();
        endpoints = bound;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // h2c has no ALPN to negotiate with, so the gRPC endpoint speaks HTTP/2 only.
            kestrel.Listen(IPEndPoint.Parse(options.GrpcListen), listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPEndPoint.Parse(options.HttpListen), listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                bound.HttpListen = listen;
            });
        });
        builder.Services.AddGrpcServer();
        builder.Services.AddGrainRuntime(
            runtime =>
            {
                addGrains(runtime);
                runtime.UseCluster(options.Postgres, options.ToClusterOptions());
            },
            runtimeOptions =>
            {
                if (options.CallTimeout is { } timeout)
                {
                    runtimeOptions.CallTimeout = timeout;
                }
            });
        builder.Services.AddSingleton(sp => new LoadRunner(sp.GetRequiredService<IGrainFactory>(), operations));

        var app = builder.Build();
        app.MapGrpcServices();
        TestSiloEndpoints.Map(app);
        map?.Invoke(app);
        return app;
    }

    private static async Task ExitWhenParentGoesAsync(IHostApplicationLifetime lifetime)
    {
        // Nothing is ever written to stdin: the read returns only when the pipe closes with the parent.
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }

        lifetime.StopApplication();
    }
}
