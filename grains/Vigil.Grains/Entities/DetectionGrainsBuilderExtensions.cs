using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Alerts;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;
using Vigil.Runtime.Hosting;

namespace Vigil.Grains.Entities;

public static class DetectionGrainsBuilderExtensions
{
    /// <summary>
    /// Registers the pod, node and cluster grains and loads the rule set under <paramref name="rulesDirectory"/>
    /// now, while the silo is being built: a silo whose rules do not compile fails to start, with every diagnostic,
    /// rather than running with no detection.
    /// </summary>
    public static GrainRuntimeBuilder AddDetectionGrains(
        this GrainRuntimeBuilder builder, string rulesDirectory, Action<AlertOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AlertOptions();
        configure?.Invoke(options);
        options.Validate();

        var holder = new RuleSetHolder<DetectionEvent>(new RuleLoader<DetectionEvent>(DetectionFields.Create()));
        var loaded = holder.ReloadDirectory(rulesDirectory);
        if (!loaded.Swapped)
        {
            throw new InvalidOperationException(
                $"The rules under {rulesDirectory} did not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}");
        }

        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton(options);
        return builder
            .AddGrain<IPodGrain, PodGrain>()
            .AddGrain<INodeGrain, NodeGrain>()
            .AddGrain<IClusterGrain, ClusterGrain>();
    }
}
