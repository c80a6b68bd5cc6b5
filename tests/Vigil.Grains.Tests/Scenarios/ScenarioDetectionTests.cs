using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Grains.Tests.Entities;
using Vigil.Scenarios;

namespace Vigil.Grains.Tests.Scenarios;

/// <summary>
/// DESIGN §1's table end to end: each scenario's trace goes through the dispatchers into the pod and
/// service-account grains, in the sensor-sized batches a node would send, and every expected alert must be there
/// with its severity, on its entity, with the evidence that made it fire.
/// </summary>
public sealed class ScenarioDetectionTests
{
    private const int SensorBatch = 4;

    public static TheoryData<string> Names() => [.. AttackScenarios.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_expected_alert_fires_with_its_severity_entity_and_evidence(string name)
    {
        await using var silo = await DetectionSilo.StartAsync();
        var trace = AttackScenarios.Build(name, "prod", silo.Clock.GetUtcNow());

        var (podAlerts, accountAlerts) = await PlayAsync(silo, trace);

        foreach (var expected in trace.Expected)
        {
            var held = expected.Subject == AlertSubject.Pod ? podAlerts : accountAlerts;
            var alert = held.FirstOrDefault(a => a.Title == expected.Title)
                ?? throw new Xunit.Sdk.XunitException(
                    $"{name}: no '{expected.Title}' on the {expected.Subject}; raised: {string.Join("; ", held.Select(a => a.Title))}");
            Assert.Equal(expected.Severity, alert.Severity.ToString());
            Assert.Equal(AlertStatus.Active, alert.Status);
            Assert.Equal(trace.Pod.Cluster, alert.Cluster);
            var evidence = alert.Evidence[0];
            if (expected.Subject == AlertSubject.Pod)
            {
                Assert.Equal((trace.Pod.Namespace, trace.Pod.Name, trace.Pod.Container, trace.Pod.Node), (alert.Namespace, alert.Pod, alert.Container, alert.Node));
                // Every step of these intrusions runs under the web shell: the ancestry must show the way in.
                Assert.Contains(evidence.Ancestors.Append(evidence.Process), p => p.Binary == "/usr/sbin/php-fpm8.2");
                Assert.Contains(evidence.Ancestors, p => p.Binary == "/usr/bin/supervisord");
            }
            else
            {
                Assert.Equal($"{trace.Pod.Namespace}/{trace.Pod.ServiceAccount}", alert.ServiceAccount);
                Assert.Equal(trace.Pod.ServiceAccountUser, evidence.Audit!.User);
                Assert.Equal([trace.Pod.PodIp], evidence.Audit.SourceIps);
            }
            Assert.False(string.IsNullOrWhiteSpace(evidence.Output));
        }
    }

    [Fact]
    public async Task The_web_shell_alert_names_the_command_and_its_php_worker_parent()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var trace = AttackScenarios.WebShellOnly("prod", silo.Clock.GetUtcNow());

        var (podAlerts, _) = await PlayAsync(silo, trace);

        var alert = Assert.Single(podAlerts, a => a.Title == AttackScenarios.WebShellTitle);
        Assert.True(alert.Count >= 3, $"count {alert.Count}: each command of the web shell is a repeat of one alert");
        var first = alert.Evidence[0];
        Assert.Equal(("/bin/sh", "/usr/sbin/php-fpm8.2", "www-data"), (first.Process.Binary, first.Ancestors[0].Binary, first.Ancestors[0].User));
        Assert.Equal(["-c", "/usr/bin/id"], first.Process.Args);
    }

    [Fact]
    public async Task A_scenario_played_twice_adds_to_its_alerts_rather_than_opening_new_ones()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var start = silo.Clock.GetUtcNow();

        var (once, _) = await PlayAsync(silo, AttackScenarios.Crypto("prod", start));
        var (twice, _) = await PlayAsync(silo, AttackScenarios.Crypto("prod", start));

        Assert.Equal(once.Select(a => a.Id), twice.Select(a => a.Id));
        Assert.All(twice, a => Assert.True(a.Count > once.Single(o => o.Id == a.Id).Count));
    }

    private static async Task<(IReadOnlyList<Alert> Pod, IReadOnlyList<Alert> Account)> PlayAsync(DetectionSilo silo, ScenarioTrace trace)
    {
        foreach (var batch in trace.Runtime.Chunk(SensorBatch))
        {
            Assert.Equal(0, await silo.Runtime.DispatchAsync(trace.Pod.Cluster, batch));
        }
        if (trace.Audit.Count > 0)
        {
            await silo.Audit.DispatchAsync(trace.Pod.Cluster, trace.Audit);
        }
        var pod = await silo.Grains.GetGrain<IPodGrain>(EntityKeys.Pod(trace.Pod.Cluster, trace.Pod.Namespace, trace.Pod.Uid)).GetAlertsAsync(null);
        var account = await silo.Grains.GetGrain<IServiceAccountGrain>(IdentityRef.Parse(trace.Pod.Cluster, trace.Pod.ServiceAccountUser).Key).GetAlertsAsync(null);
        return (pod, account);
    }
}
