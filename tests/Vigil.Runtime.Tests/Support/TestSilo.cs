using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Testing;
using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests.Support;

/// <summary>One silo's runtime with the test grains, on a manual clock and a chosen storage.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services)
    {
        _services = services;
    }

    public GrainRuntime Runtime => _services.GetRequiredService<GrainRuntime>();

    public IGrainFactory Grains => Runtime;

    public ActivationJournal Journal => _services.GetRequiredService<ActivationJournal>();

    public ConcurrencyProbe Probe => _services.GetRequiredService<ConcurrencyProbe>();

    public HangGate Gate => _services.GetRequiredService<HangGate>();

    public ManualTimeProvider Clock => (ManualTimeProvider)_services.GetRequiredService<TimeProvider>();

    public static async Task<TestSilo> StartAsync(TestStorage? storage, Action<GrainRuntimeOptions>? options = null, ManualTimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock ?? new ManualTimeProvider());
        services.AddSingleton<ActivationJournal>();
        services.AddSingleton<ConcurrencyProbe>();
        services.AddSingleton<HangGate>();
        services.AddGrainRuntime(
            builder =>
            {
                builder.AddGrain<ICounterGrain, CounterGrain>()
                    .AddGrain<IProbeGrain, ProbeGrain>()
                    .AddGrain<INoteGrain, NoteGrain>()
                    .AddGrain<ISlowNoteGrain, SlowNoteGrain>();
                storage?.Configure(builder);
            },
            options);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<GrainRuntime>().StartAsync(CancellationToken.None);
        return new TestSilo(provider);
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded on the real clock: a broken test must fail, not hang the run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Runtime.StopAsync(timeout.Token);
        await _services.DisposeAsync();
    }
}
