namespace Vigil.Silo.AlertIndex;

/// <summary>Registers the alert index beside the grain runtime, in the silo's own database.</summary>
public static class AlertIndexServiceCollectionExtensions
{
    public static IServiceCollection AddAlertIndex(this IServiceCollection services, SiloOptions silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(AlertIndexOptions.Section).Get<AlertIndexOptions>() ?? new AlertIndexOptions();
        if (options.MaxBatch < 1 || options.QueueCapacity < 1 || options.RetryDelay <= TimeSpan.Zero)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(AlertIndexOptions.Section, typeof(AlertIndexOptions),
                ["AlertIndex: MaxBatch and QueueCapacity must be at least 1 and RetryDelay positive."]);
        }
        services.AddSingleton(options);
        services.AddSingleton(_ => silo.Postgres is { } postgres
            ? AlertIndexDatabase.ForPostgres(postgres)
            : AlertIndexDatabase.ForSqlite(SiloApplication.SqlitePath(silo)));
        services.AddSingleton(sp => new AlertIndexStore(sp.GetRequiredService<AlertIndexDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AlertIndexWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertIndexWriter>());
        return services;
    }
}
