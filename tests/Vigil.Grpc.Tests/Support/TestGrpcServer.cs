using Microsoft.Extensions.DependencyInjection;
using Vigil.Grpc.Client;
using Vigil.Grpc.Health;
using Vigil.Grpc.Server;
using Vigil.TestSupport;
using ServingStatus = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Vigil.Grpc.Tests.Support;

/// <summary>The interop and health services (or bindings a test writes inline) on a loopback Kestrel server.</summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly LoopbackGrpcHost _host;

    private TestGrpcServer(LoopbackGrpcHost host)
    {
        _host = host;
    }

    public Uri Address => _host.Address;

    public InteropService Interop => _host.Services.GetRequiredService<InteropService>();

    public HealthService Health => _host.Services.GetRequiredService<HealthService>();

    public static async Task<TestGrpcServer> StartAsync(Action<GrpcServerOptions>? configure = null, Action<GrpcServiceBinder>? bind = null)
    {
        var host = await LoopbackGrpcHost.StartAsync(
            services =>
            {
                if (bind is null)
                {
                    services.AddGrpcService<InteropService>();
                }
                else
                {
                    services.AddSingleton<IGrpcService>(new DelegateGrpcService(bind));
                }
            },
            configure);
        host.Services.GetRequiredService<HealthService>().SetStatus(string.Empty, ServingStatus.Serving);
        return new TestGrpcServer(host);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => new(Address, options);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
