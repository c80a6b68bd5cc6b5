using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Silo.Admission;

namespace Vigil.Silo.Ingestion.Http;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The ingestion and admission endpoints' services. Their options are bound and checked here, while the silo is
    /// built, so a bad limit or policy mode stops start-up with exit code 2 and the reason, as bad silo options do.
    /// </summary>
    public static IServiceCollection AddHttpIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        var validation = new IngestionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(IngestionOptions.Section, typeof(IngestionOptions), validation.Failures);
        }
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton<EventRateMeter>();
        services.AddSingleton<AuditIngestion>();
        services.AddSingleton<RuntimeIngestion>();
        return services.AddAdmission(configuration);
    }
}
