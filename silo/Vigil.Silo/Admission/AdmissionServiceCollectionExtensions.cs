using Microsoft.Extensions.Options;

namespace Vigil.Silo.Admission;

public static class AdmissionServiceCollectionExtensions
{
    /// <summary>The webhook and its policies, bound and checked now so a bad mode stops start-up with the reason.</summary>
    public static IServiceCollection AddAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AdmissionOptions();
        try
        {
            configuration.GetSection(AdmissionOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key and the value; the modes are what the user needs next.
            throw new OptionsValidationException(AdmissionOptions.Section, typeof(AdmissionOptions),
                [$"{e.Message} {e.InnerException?.Message} A policy's Mode is audit, deny or off."]);
        }
        var failures = AdmissionOptionsValidator.Validate(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(AdmissionOptions.Section, typeof(AdmissionOptions), failures);
        }
        services.AddSingleton(options);
        services.AddSingleton<WorkloadRecorder>();
        services.AddSingleton<AdmissionWebhook>();
        return services;
    }
}
