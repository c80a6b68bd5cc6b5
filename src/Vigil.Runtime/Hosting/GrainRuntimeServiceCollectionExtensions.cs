using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Vigil.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the grain runtime, started and stopped with the host. In-memory storage unless the builder says otherwise.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure, Action<GrainRuntimeOptions>? options = null)
    {
        var types = new GrainTypeRegistry();
        services.AddSingleton(types);
        var optionsBuilder = services.AddOptions<GrainRuntimeOptions>().ValidateOnStart();
        if (options is not null)
        {
            optionsBuilder.Configure(options);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());

        // Registered before anything the builder adds: it starts first and stops last, after a cluster hand-off.
        services.AddHostedService<GrainRuntimeHostedService>();
        configure(new GrainRuntimeBuilder(services, types));
        services.TryAddSingleton<Persistence.IGrainStorage, Persistence.InMemoryGrainStorage>();
        return services;
    }
}
