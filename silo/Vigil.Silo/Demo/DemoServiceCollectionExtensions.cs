using Microsoft.Extensions.Options;

namespace Vigil.Silo.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo player; it does nothing unless <c>Demo:Enabled</c> (<c>--demo</c>) is set.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (options.Interval <= TimeSpan.Zero)
        {
            throw new OptionsValidationException(DemoOptions.Section, typeof(DemoOptions), [$"Demo:Interval must be positive, not {options.Interval}."]);
        }
        services.AddSingleton(Options.Create(options));
        return services.AddHostedService<DemoPlayer>();
    }
}
