using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Grpc.Server;

namespace Vigil.TestSupport;

/// <summary>A real Kestrel h2c server on a free loopback port with the gRPC binding: for tests and benchmarks.</summary>
public sealed class LoopbackGrpcHost : IAsyncDisposable
{
    private LoopbackGrpcHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts with the binding and the services <paramref name="configure"/> adds; <paramref name="map"/> adds endpoints.</summary>
    public static async Task<LoopbackGrpcHost> StartAsync(
        Action<IServiceCollection> configure,
        Action<GrpcServerOptions>? options = null,
        Action<WebApplication>? map = null,
        int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(options);
        configure(builder.Services);
        var app = builder.Build();
        app.MapGrpcServices();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackGrpcHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
