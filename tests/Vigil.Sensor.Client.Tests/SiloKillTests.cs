using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Entities;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Scenarios;
using Vigil.Silo.Security;
using Vigil.Silo.Tests;
using Vigil.TestSupport;

namespace Vigil.Sensor.Client.Tests;

/// <summary>
/// The acceptance test of the sensor stream: the silo process is killed with SIGKILL between batches while a
/// sensor streams an attack; it restarts on the same data; the sensor reconnects and replays from its last ack;
/// and the grains end up as they would have without the kill: every event applied once, no alert twice.
/// </summary>
public sealed class SiloKillTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_killed_between_batches_ends_with_the_same_alerts_as_a_run_without_the_kill()
    {
        var start = DateTimeOffset.UtcNow;
        var killed = await PlayAsync(start, kill: true);
        var undisturbed = await PlayAsync(start, kill: false);

        Assert.True(killed.Connections >= 2, "the client never reconnected");
        Assert.Contains(killed.Alerts, a => a.StartsWith("vigil.runtime.web-shell ", StringComparison.Ordinal));
        Assert.Equal(undisturbed.Alerts, killed.Alerts);
        Assert.Equal(killed.Alerts.Length, killed.Alerts.Select(a => a.Split(' ')[0]).Distinct().Count());
    }

    /// <summary>Streams the crypto-mining scenario in batches of two into a silo process; returns the pod's alerts (rule, container, count) and the client's connections.</summary>
    private static async Task<(string[] Alerts, int Connections)> PlayAsync(DateTimeOffset start, bool kill)
    {
        var data = Directory.CreateTempSubdirectory("vigil-sensor-kill-").FullName;
        try
        {
            var port = FreePort.Next();
            var trace = AttackScenarios.Crypto("kill", start);
            var batches = SensorBatches.Of(trace, 2);
            var half = batches.Count / 2;
            int connections;
            var silo = await StartSiloAsync(data, port);
            try
            {
                // The ingest token the silo's first start wrote; the restarted silo on the same data accepts it too.
                var token = SiloCredentials.Read(SiloCredentials.PathIn(data))?.IngestToken
                    ?? throw new InvalidOperationException($"the silo wrote no credentials.json in {data}");
                await using var client = SensorIngestClient.Start(new SensorIngestClientOptions
                {
                    Address = new Uri($"http://127.0.0.1:{port}"),
                    SensorId = "sensor/" + trace.Pod.Node,
                    Node = trace.Pod.Node,
                    Cluster = "kill",
                    Token = token,
                    InitialBackoff = TimeSpan.FromMilliseconds(50),
                    MaxBackoff = TimeSpan.FromMilliseconds(500),
                });
                for (var i = 0; i < half; i++)
                {
                    await client.SendAsync(batches[i], Ct);
                }
                await client.WaitForAcknowledgedAsync((ulong)half, Ct).WaitAsync(Patience, Ct);
                // Two more go out unacknowledged: the kill lands while they may or may not be committed.
                await client.SendAsync(batches[half], Ct);
                await client.SendAsync(batches[half + 1], Ct);
                if (kill)
                {
                    silo.Process.Kill();
                    await silo.Process.WaitForExitAsync(Patience);
                    await silo.DisposeAsync();
                    for (var i = half + 2; i < batches.Count; i++)
                    {
                        await client.SendAsync(batches[i], Ct);
                    }
                    silo = await StartSiloAsync(data, port);
                }
                else
                {
                    for (var i = half + 2; i < batches.Count; i++)
                    {
                        await client.SendAsync(batches[i], Ct);
                    }
                }
                await client.FlushAsync(Ct).WaitAsync(Patience, Ct);
                connections = client.Connections;
            }
            finally
            {
                await silo.Process.InterruptAsync(Patience);
                await silo.DisposeAsync();
            }

            return (await StoredAlertsAsync(data, SensorBatches.PodKey(trace)), connections);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<SiloProcess> StartSiloAsync(string data, int port) =>
        SiloProcess.StartAsync("--data-dir", data, "--grpc-listen", $"127.0.0.1:{port}");

    /// <summary>Reads the pod back from the silo's embedded store, as the next silo would find it.</summary>
    private static async Task<string[]> StoredAlertsAsync(string data, string podKey)
    {
        var services = new ServiceCollection();
        services.AddGrainRuntime(b => b
            .AddDetectionGrains(Path.Combine(RepositoryPaths.Root, "grains", "rules"))
            .UseSqliteStorage(Path.Combine(data, "vigil.db")));
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<GrainRuntime>();
        await runtime.StartAsync(Ct);
        try
        {
            var alerts = await runtime.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null);
            return [.. alerts.Select(a => $"{a.RuleId} {a.Container} {a.Count}").Order(StringComparer.Ordinal)];
        }
        finally
        {
            await runtime.StopAsync(Ct);
        }
    }
}
