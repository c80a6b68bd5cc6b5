using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Grpc.Health;

namespace Vigil.Grpc.Server;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server binding and the standard health service.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcServerOptions>, GrpcServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcService, HealthService>(sp => sp.GetRequiredService<HealthService>()));
        return services;
    }

    /// <summary>Registers a service implementation to be mapped by <see cref="GrpcEndpointRouteBuilderExtensions.MapGrpcServices"/>.</summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class, IGrpcService
    {
        services.TryAddSingleton<TService>();
        services.AddSingleton<IGrpcService>(sp => sp.GetRequiredService<TService>());
        return services;
    }
}
