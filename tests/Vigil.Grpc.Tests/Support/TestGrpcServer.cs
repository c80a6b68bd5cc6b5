using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Grpc.Client;
using Vigil.Grpc.Server;

namespace Vigil.Grpc.Tests.Support;

/// <summary>A real Kestrel h2c server on a free loopback port, serving the interop and health services.</summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public InteropService Interop => _app.Services.GetRequiredService<InteropService>();


    public Health.HealthService Health => _app.Services.GetRequiredService<Health.HealthService>();

    public static async Task<TestGrpcServer> StartAsync(Action<GrpcServerOptions>? configure = null, Action<GrpcServiceBinder>? bind = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(configure);
        if (bind is null)
        {
            builder.Services.AddGrpcService<InteropService>();
        }
        else
        {
            builder.Services.AddSingleton<IGrpcService>(new DelegateGrpcService(bind));
        }

        var app = builder.Build();
        app.MapGrpcServices();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        app.Services.GetRequiredService<Health.HealthService>().SetStatus(string.Empty, Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        return new TestGrpcServer(app, new Uri(address));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => new(Address, options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
