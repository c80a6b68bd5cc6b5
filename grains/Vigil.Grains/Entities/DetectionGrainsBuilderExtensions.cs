using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Alerts;
using Vigil.Grains.Detection;
using Vigil.Grains.Topology;
using Vigil.Grains.Identities;
using Vigil.Grains.Rules;
using Vigil.Runtime.Hosting;

namespace Vigil.Grains.Entities;

public static class DetectionGrainsBuilderExtensions
{
    /// <summary>
    /// Registers the pod, node, cluster, service-account and user grains, the alert feed and the dispatchers, and loads the rule set under <paramref name="rulesDirectory"/>
    /// now, while the silo is being built: a silo whose rules do not compile fails to start, with every diagnostic,
    /// rather than running with no detection.
    /// </summary>
    public static GrainRuntimeBuilder AddDetectionGrains(
        this GrainRuntimeBuilder builder, string rulesDirectory, Action<AlertOptions>? configure = null,
        Action<IdentityOptions>? configureIdentities = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AlertOptions();
        configure?.Invoke(options);
        options.Validate();
        var identities = new IdentityOptions();
        configureIdentities?.Invoke(identities);
        identities.Validate();

        var holder = new RuleSetHolder<DetectionEvent>(new RuleLoader<DetectionEvent>(DetectionFields.Create()));
        var loaded = holder.ReloadDirectory(rulesDirectory);
        if (!loaded.Swapped)
        {
            throw new InvalidOperationException(
                $"The rules under {rulesDirectory} did not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}");
        }

        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(identities);
        builder.Services.AddSingleton<AlertFeed>();
        builder.Services.AddSingleton<AuditDispatcher>();
        builder.Services.AddSingleton<RuntimeDispatcher>();
        return builder
            .AddGrain<IServiceAccountGrain, ServiceAccountGrain>()
            .AddGrain<IUserGrain, UserGrain>()
            .AddGrain<IPodGrain, PodGrain>()
            .AddGrain<IImageGrain, ImageGrain>()
            .AddGrain<INodeGrain, NodeGrain>()
            .AddGrain<IClusterGrain, ClusterGrain>()
            .AddGrain<INamespaceGrain, NamespaceGrain>()
            .AddGrain<IClusterDirectoryGrain, ClusterDirectoryGrain>()
            .AddGrain<IClustersGrain, ClustersGrain>();
    }
}
