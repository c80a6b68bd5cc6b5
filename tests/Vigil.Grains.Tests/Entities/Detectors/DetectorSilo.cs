using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Entities;
using Vigil.Grains.Entities.Detectors;
using Vigil.Grains.Tests.Detection;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Testing;

namespace Vigil.Grains.Tests.Entities.Detectors;

/// <summary>
/// A silo with the detection grains and the repository's rules whose detectors run with the given options, as a
/// silo that registers a <see cref="DetectorOptions"/> would; manual clock, in-memory storage a later silo can reuse.
/// </summary>
public sealed class DetectorSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DetectorSilo(ServiceProvider services, InMemoryGrainStorage storage, ManualTimeProvider clock)
    {
        _services = services;
        Storage = storage;
        Clock = clock;
    }

    public InMemoryGrainStorage Storage { get; }

    public ManualTimeProvider Clock { get; }

    public IGrainFactory Grains => _services.GetRequiredService<GrainRuntime>();

    public static async Task<DetectorSilo> StartAsync(
        DetectorOptions? options = null, InMemoryGrainStorage? storage = null, ManualTimeProvider? clock = null)
    {
        storage ??= new InMemoryGrainStorage();
        clock ??= new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(options ?? new DetectorOptions());
        services.AddGrainRuntime(builder => builder
            .AddDetectionGrains(RepositoryRules.Directory)
            .UseStorage(_ => storage));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<GrainRuntime>().StartAsync(TestContext.Current.CancellationToken);
        return new DetectorSilo(provider, storage, clock);
    }

    public IPodGrain Pod(PodEvents pod) => Grains.GetGrain<IPodGrain>(pod.Key);

    public async Task<IReadOnlyList<Alerts.Alert>> AlertsAsync(PodEvents pod, string ruleId) =>
        [.. (await Pod(pod).GetAlertsAsync(null)).Where(a => a.RuleId == ruleId)];

    public async ValueTask DisposeAsync()
    {
        // Bounded on the real clock: a broken test must fail, not hang the run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _services.GetRequiredService<GrainRuntime>().StopAsync(timeout.Token);
        await _services.DisposeAsync();
    }
}
