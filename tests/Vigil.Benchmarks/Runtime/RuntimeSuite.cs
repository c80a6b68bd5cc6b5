using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;

namespace Vigil.Benchmarks.Runtime;

/// <summary>
/// In-process calls (one grain, spread over 1,000), activation cost, memory per idle activation, and group-commit
/// throughput on SQLite and PostgreSQL (VIGIL_TEST_POSTGRES, which ./bench.sh runtime provides).
/// </summary>
public sealed class RuntimeSuite : IBenchmarkSuite
{
    private const int Activations = 100_000;
    private const int CommitWrites = 100_000;

    public string Name => "runtime";

    public string Description => "grain calls, activations, memory per activation, group commit on SQLite and PostgreSQL";

    public async Task RunAsync(BenchmarkReport report, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        await using (var services = await StartAsync(b => b.UseInMemoryStorage()))
        {
            var runtime = services.GetRequiredService<GrainRuntime>();
            var one = runtime.GetGrain<IBenchGrain>("hot");
            var spread = Enumerable.Range(0, 1000).Select(i => runtime.GetGrain<IBenchGrain>($"spread-{i}")).ToArray();
            await CallsPerSecondAsync(_ => one, 256, TimeSpan.FromSeconds(1));
            await CallsPerSecondAsync(i => spread[i], spread.Length, TimeSpan.FromSeconds(1));
            report.Add("calls_per_s_one_grain", await MedianAsync(settings, () => CallsPerSecondAsync(_ => one, 256, settings.Duration)), "calls/s", "256 callers in a loop on one grain (turns run one at a time)");
            report.Add("calls_per_s_1000_grains", await MedianAsync(settings, () => CallsPerSecondAsync(i => spread[i], spread.Length, settings.Duration)), "calls/s", "1,000 callers in a loop, each on its own grain (target >= 500,000)");

            var (perActivation, activationMicros) = await MeasureActivationsAsync(runtime);
            var grainSize = MeasureGrainInstanceBytes();
            report.Add("activation_cost_us", activationMicros, "us", $"first call to each of {Activations:N0} new grains, per grain");
            report.Add("bytes_per_idle_activation", perActivation, "bytes", "managed heap growth per activated, idle small grain (grain object included)");
            report.Add("runtime_overhead_bytes_per_idle_activation", perActivation - grainSize, "bytes", $"the same less the grain object itself ({grainSize:0} bytes) (target <= 1,024)");
        }

        var directory = Directory.CreateTempSubdirectory("vigil-bench-sqlite-");
        try
        {
            var path = Path.Combine(directory.FullName, "bench.db");
            report.Add("group_commit_states_per_s_sqlite", await CommitThroughputAsync(b => b.UseSqliteStorage(path)), "states/s", $"{CommitWrites:N0} state writes through the commit queue, WAL + synchronous=FULL");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }

        var postgres = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (string.IsNullOrEmpty(postgres))
        {
            Console.WriteLine("  VIGIL_TEST_POSTGRES is not set: skipping PostgreSQL (./bench.sh runtime starts one).");
            return;
        }

        report.Add("group_commit_states_per_s_postgres", await CommitThroughputAsync(b => b.UsePostgresStorage(postgres)), "states/s", $"{CommitWrites:N0} state writes through the commit queue, UNNEST upserts, synchronous_commit on (target >= 50,000)");
    }

    private static async Task<ServiceProvider> StartAsync(Action<GrainRuntimeBuilder> storage)
    {
        var services = new ServiceCollection();
        services.AddGrainRuntime(
            b =>
            {
                b.AddGrain<IBenchGrain, BenchGrain>();
                storage(b);
            },
            o => o.CollectionAge = TimeSpan.FromHours(1));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<GrainRuntime>().StartAsync(CancellationToken.None);
        return provider;
    }

    private static async Task<double> CallsPerSecondAsync(Func<int, IBenchGrain> grainFor, int callers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var grain = grainFor(i);
            long calls = 0;
            while (clock.Elapsed < duration)
            {
                await grain.PingAsync(1);
                calls++;
            }

            return calls;
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double BytesPerActivation, double MicrosPerActivation)> MeasureActivationsAsync(GrainRuntime runtime)
    {
        var grains = Enumerable.Range(0, Activations).Select(i => runtime.GetGrain<IBenchGrain>($"idle-{i}")).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(grains.Select(g => g.PingAsync(0)));
        var micros = clock.Elapsed.TotalMicroseconds / Activations;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(grains);
        return ((after - before) / (double)Activations, micros);
    }

    private static double MeasureGrainInstanceBytes()
    {
        var holder = new object[Activations];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < holder.Length; i++)
        {
            holder[i] = new BenchGrain();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(holder);
        return (after - before) / (double)Activations;
    }

    private static async Task<double> CommitThroughputAsync(Action<GrainRuntimeBuilder> storage)
    {
        await using var services = await StartAsync(storage);
        var queue = services.GetRequiredService<GrainRuntime>().CommitQueue;
        var run = Guid.NewGuid().ToString("N");
        var payload = new byte[64];
        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => queue.EnqueueAsync(new StateWrite(new GrainId("bench.warm", $"{run}-{i}"), payload, 0))));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, CommitWrites).Select(i => queue.EnqueueAsync(new StateWrite(new GrainId("bench.state", $"{run}-{i}"), payload, 0))));
        return CommitWrites / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> MedianAsync(BenchmarkSettings settings, Func<Task<double>> measure)
    {
        var values = new List<double>();
        for (var i = 0; i < settings.Rounds; i++)
        {
            values.Add(await measure());
        }

        values.Sort();
        return values[values.Count / 2];
    }
}
