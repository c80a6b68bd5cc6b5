using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Grpc.Server;

namespace Vigil.Silo.Ingestion.Grpc;

public static class SensorIngestServiceCollectionExtensions
{
    /// <summary>Adds <c>vigil.v1.SensorIngest</c> to the gRPC endpoint (mapped by <c>MapGrpcServices</c>).</summary>
    public static IServiceCollection AddSensorIngest(this IServiceCollection services, Action<SensorIngestOptions>? configure = null)
    {
        var options = services.AddOptions<SensorIngestOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton(sp => new AcknowledgedSequences(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SensorIngestOptions>>().Value));
        services.TryAddSingleton<EventRateMeter>();
        services.AddSingleton<SensorBatchDispatcher>();
        return services.AddGrpcService<SensorIngestService>();
    }
}
