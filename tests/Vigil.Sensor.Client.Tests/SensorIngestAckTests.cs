using System.Reflection;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Runtime;
using Vigil.Runtime.Persistence;
using Vigil.Scenarios;

namespace Vigil.Sensor.Client.Tests;

public sealed class SensorIngestAckTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_is_acknowledged_only_after_the_commit_that_holds_its_effects()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var trace = AttackScenarios.WebShellOnly("ack", DateTimeOffset.UtcNow);
        await using var client = host.Client("ack");
        storage.Close();

        var sequence = await client.SendAsync(SensorBatches.Of(trace, 100).Single(), Ct);
        await storage.WriteReached.WaitAsync(Patience, Ct);
        var ackedWhileHeld = client.AcknowledgedThrough;
        var storedWhileHeld = await StoredPodAsync(storage.Inner, trace);
        storage.Open();
        await client.WaitForAcknowledgedAsync(sequence, Ct).WaitAsync(Patience, Ct);

        Assert.Equal(0ul, ackedWhileHeld);
        Assert.Null(storedWhileHeld);
        Assert.NotNull(await StoredPodAsync(storage.Inner, trace));
        Assert.Equal(1ul, client.AcknowledgedThrough);
    }

    [Fact]
    public async Task Replayed_batches_are_acknowledged_and_change_nothing_on_the_same_silo_or_a_restarted_one()
    {
        var storage = new InMemoryGrainStorage();
        var trace = AttackScenarios.Crypto("replay", DateTimeOffset.UtcNow);
        var batches = SensorBatches.Of(trace, 4);
        // Both silos share the data directory as they share the storage: the second finds its tokens there.
        var data = Directory.CreateTempSubdirectory("vigil-sensor-replay-").FullName;
        IReadOnlyList<Alert> first;
        IReadOnlyList<Alert> again;
        IReadOnlyList<Alert> restarted;
        try
        {
            await using (var host = await IngestHost.StartAsync(storage, dataDirectory: data))
            {
                await SendAllAsync(host, batches);
                first = await host.PodAlertsAsync(SensorBatches.PodKey(trace));
                // A new client of the same incarnation numbers from 1 again: every batch is a replay.
                await SendAllAsync(host, batches);
                again = await host.PodAlertsAsync(SensorBatches.PodKey(trace));
            }

            await using (var host = await IngestHost.StartAsync(storage, dataDirectory: data))
            {
                // This silo never acknowledged anything, so the replays reach the grains, which hold them already.
                await SendAllAsync(host, batches);
                restarted = await host.PodAlertsAsync(SensorBatches.PodKey(trace));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        Assert.NotEmpty(first);
        Assert.Equal(Summary(first), Summary(again));
        Assert.Equal(Summary(first), Summary(restarted));
    }

    [Fact]
    public async Task Batches_in_flight_together_are_acknowledged_in_order_and_apply_as_they_would_one_at_a_time()
    {
        var (pipelined, acks, last) = await PlayAllScenariosAsync(maxInFlight: 8);
        var (oneAtATime, _, _) = await PlayAllScenariosAsync(maxInFlight: 1);

        Assert.Equal(acks.Order(), acks);
        Assert.Equal(last, acks[^1]);
        Assert.Contains(pipelined, a => a.Contains("vigil.runtime.web-shell", StringComparison.Ordinal));
        Assert.Equal(oneAtATime, pipelined);
    }

    /// <summary>Every scenario in batches of two; the alerts (rule, pod, count, evidence) and the acks seen.</summary>
    private static async Task<(string[] Alerts, List<ulong> Acks, ulong Last)> PlayAllScenariosAsync(int maxInFlight)
    {
        await using var host = await IngestHost.StartAsync(new InMemoryGrainStorage(), o => o.MaxBatchesInFlight = maxInFlight);
        var start = DateTimeOffset.UtcNow;
        var traces = AttackScenarios.Names.Select(n => AttackScenarios.Build(n, "order", start)).ToArray();
        var acks = new List<ulong>();
        await using var client = host.Client("order", window: 16);
        client.Acknowledged += n =>
        {
            lock (acks)
            {
                acks.Add(n);
            }
        };
        foreach (var batch in traces.SelectMany(t => SensorBatches.Of(t, 2)))
        {
            await client.SendAsync(batch, Ct);
        }
        await client.FlushAsync(Ct).WaitAsync(Patience, Ct);

        var alerts = new List<string>();
        foreach (var trace in traces)
        {
            alerts.AddRange((await host.PodAlertsAsync(SensorBatches.PodKey(trace))).Select(a => $"{a.RuleId} {a.Pod} {a.Count} {a.Evidence.Count}"));
        }
        lock (acks)
        {
            return ([.. alerts.Order(StringComparer.Ordinal)], [.. acks], client.LastSequence);
        }
    }

    private static async Task SendAllAsync(IngestHost host, IReadOnlyList<Contracts.Events.V1.EventEnvelope[]> batches)
    {
        await using var client = host.Client(batches[0][0].Runtime.Context.Cluster);
        foreach (var batch in batches)
        {
            await client.SendAsync(batch, Ct);
        }
        await client.FlushAsync(Ct).WaitAsync(Patience, Ct);
    }

    private static string[] Summary(IReadOnlyList<Alert> alerts) =>
        [.. alerts.Select(a => $"{a.Id} {a.RuleId} {a.Container} {a.Count} {a.Evidence.Count}").Order(StringComparer.Ordinal)];

    private static Task<StoredState?> StoredPodAsync(InMemoryGrainStorage storage, ScenarioTrace trace) =>
        storage.ReadAsync(new GrainId(typeof(IPodGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name, SensorBatches.PodKey(trace)), CancellationToken.None);
}
