using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Api.Alerts;

/// <summary>Everything the alerts API needs: the index and its writer, the status router, the stream's settings.</summary>
public static class AlertApiServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsApi(this IServiceCollection services, SiloOptions silo, IConfiguration configuration)
    {
        var stream = configuration.GetSection(AlertStreamOptions.Section).Get<AlertStreamOptions>() ?? new AlertStreamOptions();
        if (stream.Heartbeat <= TimeSpan.Zero || stream.QueueCapacity < 1)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(AlertStreamOptions.Section, typeof(AlertStreamOptions),
                ["AlertStream: Heartbeat must be positive and QueueCapacity at least 1."]);
        }
        services.AddSingleton(stream);
        services.AddSingleton<AlertStatusRouter>();
        return services.AddAlertIndex(silo, configuration);
    }
}
