using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Silo.Ingestion.Grpc;
using Vigil.TestSupport;

namespace Vigil.Sensor.Client.Tests;

/// <summary>The sensor service and the detection grains with the repository's rules, on a loopback h2c port and the given storage.</summary>
public sealed class IngestHost : IAsyncDisposable
{
    private readonly LoopbackGrpcHost _host;

    private IngestHost(LoopbackGrpcHost host) => _host = host;

    public Uri Address => _host.Address;

    public IGrainFactory Grains => _host.Services.GetRequiredService<GrainRuntime>();

    public AlertFeed Feed => _host.Services.GetRequiredService<AlertFeed>();

    public static async Task<IngestHost> StartAsync(IGrainStorage storage, Action<SensorIngestOptions>? options = null) =>
        new(await LoopbackGrpcHost.StartAsync(services =>
        {
            services.AddGrainRuntime(b => b
                .AddDetectionGrains(Path.Combine(RepositoryPaths.Root, "grains", "rules"))
                .UseStorage(_ => storage));
            services.AddSensorIngest(options);
        }));

    public SensorIngestClient Client(string cluster, string incarnation = "i-1", int window = 64) => SensorIngestClient.Start(new SensorIngestClientOptions
    {
        Address = Address,
        SensorId = "sensor/node-1",
        Node = "node-1",
        Cluster = cluster,
        Incarnation = incarnation,
        MaxUnacknowledgedBatches = window,
    });

    public async Task<IReadOnlyList<Alert>> PodAlertsAsync(string podKey) => await Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
