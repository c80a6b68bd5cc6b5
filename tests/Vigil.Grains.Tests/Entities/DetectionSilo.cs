using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Grains.Entities.Detectors;
using Vigil.Grains.Identities;
using Vigil.Grains.Tests.Detection;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Testing;

namespace Vigil.Grains.Tests.Entities;

/// <summary>
/// One silo with the detection grains and the repository's rules, on a manual clock and an in-memory storage that
/// a later silo can be started on, as a restarted process would find its database.
/// </summary>
public sealed class DetectionSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DetectionSilo(ServiceProvider services, InMemoryGrainStorage storage, ManualTimeProvider clock)
    {
        _services = services;
        Storage = storage;
        Clock = clock;
    }

    public InMemoryGrainStorage Storage { get; }

    public ManualTimeProvider Clock { get; }

    public IGrainFactory Grains => _services.GetRequiredService<GrainRuntime>();

    public AlertFeed Feed => _services.GetRequiredService<AlertFeed>();

    public AuditDispatcher Audit => _services.GetRequiredService<AuditDispatcher>();

    public RuntimeDispatcher Runtime => _services.GetRequiredService<RuntimeDispatcher>();

    public static async Task<DetectionSilo> StartAsync(
        InMemoryGrainStorage? storage = null, ManualTimeProvider? clock = null, Action<IdentityOptions>? identities = null,
        DetectorOptions? detectors = null)
    {
        storage ??= new InMemoryGrainStorage();
        clock ??= new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        if (detectors is not null)
        {
            // As a silo that registers its own thresholds would.
            services.AddSingleton(detectors);
        }
        services.AddGrainRuntime(builder => builder
            .AddDetectionGrains(RepositoryRules.Directory, configureIdentities: identities)
            .UseStorage(_ => storage));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<GrainRuntime>().StartAsync(CancellationToken.None);
        return new DetectionSilo(provider, storage, clock);
    }

    public IPodGrain Pod(PodEvents pod) => Grains.GetGrain<IPodGrain>(pod.Key);

    public async Task<IReadOnlyList<Alert>> AlertsAsync(PodEvents pod, string ruleId) =>
        [.. (await Pod(pod).GetAlertsAsync(null)).Where(a => a.RuleId == ruleId)];

    public async ValueTask DisposeAsync()
    {
        // Bounded on the real clock: a broken test must fail, not hang the run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _services.GetRequiredService<GrainRuntime>().StopAsync(timeout.Token);
        await _services.DisposeAsync();
    }
}
