using Vigil.Grains.Entities;
using Vigil.Grains.Tests.Entities;
using Vigil.Scenarios;

namespace Vigil.Grains.Tests.Identities;

/// <summary>A sender that replays batches after a reconnect, or a record that arrives twice, changes nothing twice.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task A_replayed_runtime_batch_is_ignored_by_every_pod_and_survives_a_restart_of_the_silo()
    {
        var trace = AttackScenarios.Crypto("prod", DateTimeOffset.UnixEpoch.AddYears(56));
        var batches = trace.Runtime.Chunk(5).ToList();
        var clock = new Vigil.Runtime.Testing.ManualTimeProvider();
        var storage = new Vigil.Runtime.Persistence.InMemoryGrainStorage();
        var pod = EntityKeys.Pod(trace.Pod.Cluster, trace.Pod.Namespace, trace.Pod.Uid);
        IReadOnlyList<Alerts.Alert> once;
        await using (var first = await DetectionSilo.StartAsync(storage, clock))
        {
            for (var i = 0; i < batches.Count; i++)
            {
                await first.Runtime.DispatchAsync("prod", batches[i], new BatchOrigin("sensor/node-2", "boot-1", (ulong)i + 1));
            }
            once = await first.Grains.GetGrain<IPodGrain>(pod).GetAlertsAsync(null);
        }
        await using var second = await DetectionSilo.StartAsync(storage, clock);

        // The sensor did not hear the last acks, so it sends its last three batches again; then a new one.
        for (var i = batches.Count - 3; i < batches.Count; i++)
        {
            await second.Runtime.DispatchAsync("prod", batches[i], new BatchOrigin("sensor/node-2", "boot-1", (ulong)i + 1));
        }
        var grain = second.Grains.GetGrain<IPodGrain>(pod);
        Assert.Equal(once, await grain.GetAlertsAsync(null), AlertComparer.Instance);
        Assert.False(await grain.ObserveBatchAsync(new BatchOrigin("sensor/node-2", "boot-1", 1), batches[0]));
        Assert.True(await grain.ObserveBatchAsync(new BatchOrigin("sensor/node-2", "boot-2", 1), batches[0]));
        Assert.NotEqual(once, await grain.GetAlertsAsync(null), AlertComparer.Instance);
    }

    [Fact]
    public async Task An_audit_record_seen_twice_is_judged_once_and_a_replayed_batch_is_ignored()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var shell = AuditEvents.ServiceAccount(silo.Clock, "shop", "storefront", AuditEvents.Kubectl);
        var probe = shell.Request("list", "secrets", "kube-system", code: 403);

        await silo.Audit.DispatchAsync("prod", [probe, probe.Clone()], new BatchOrigin("audit/webhook", "a", 1));
        await silo.Audit.DispatchAsync("prod", [probe.Clone()]);
        await silo.Audit.DispatchAsync("prod", [shell.Request("get", "secrets", "kube-system", "x", code: 403)], new BatchOrigin("audit/webhook", "a", 1));

        var activity = await ServiceAccountAnomalyTests.Account(silo, shell).GetActivityAsync();
        Assert.Equal((1L, 1L), (activity.Requests, activity.Denied));
        var anomaly = Assert.Single(await ServiceAccountAnomalyTests.Anomalies(silo, shell));
        Assert.Equal(1, anomaly.Count);
    }
}
