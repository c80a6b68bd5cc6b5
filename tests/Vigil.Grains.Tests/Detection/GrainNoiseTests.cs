using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Grains.Tests.Entities;

namespace Vigil.Grains.Tests.Detection;

/// <summary>
/// The benign sequences again, this time through the pod grains, so the stateful detectors (drift, download →
/// chmod → exec, reconnaissance bursts, the metadata baseline) are held to the same bar as the rules.
/// </summary>
public sealed class GrainNoiseTests
{
    public static TheoryData<string> Sequences() => NoiseTests.Sequences();

    [Theory]
    [MemberData(nameof(Sequences))]
    public async Task Benign_sequence_through_the_pod_grains_raises_nothing_above_informational(string name)
    {
        var sequence = NoiseTests.Read().Single(s => s.Name == name);
        await using var silo = await DetectionSilo.StartAsync();
        var events = sequence.Events.Select(e => e.Event.Runtime).OfType<RuntimeEvent>().ToList();
        var audit = sequence.Events.Select(e => e.Event.Audit).OfType<AuditEvent>().ToList();
        Assert.NotEmpty(events.Count > 0 ? events : audit.Cast<object>());

        foreach (var batch in events.Chunk(4))
        {
            await silo.Runtime.DispatchAsync("test-cluster", batch);
            silo.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        foreach (var batch in audit.Chunk(4))
        {
            await silo.Audit.DispatchAsync("test-cluster", batch);
            silo.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var alerts = new List<string>();
        foreach (var key in events.Select(e => EntityKeys.Pod(e.Context)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            alerts.AddRange((await silo.Grains.GetGrain<IPodGrain>(key).GetAlertsAsync(null))
                .Where(a => a.Severity > Severity.Informational)
                .Select(a => $"{a.RuleId} ({a.Severity}) on {a.Pod}/{a.Container}: {a.Evidence[0].Output}"));
        }
        foreach (var identity in audit.Select(a => IdentityRef.Of("test-cluster", a)).DistinctBy(i => i.Key))
        {
            IIdentityGrain grain = identity.Kind == IdentityKind.ServiceAccount
                ? silo.Grains.GetGrain<IServiceAccountGrain>(identity.Key)
                : silo.Grains.GetGrain<IUserGrain>(identity.Key);
            alerts.AddRange((await grain.GetAlertsAsync(null))
                .Where(a => a.Severity > Severity.Informational)
                .Select(a => $"{a.RuleId} ({a.Severity}) on {identity.Key}: {a.Evidence[0].Output}"));
        }
        Assert.True(alerts.Count == 0, string.Join('\n', alerts));
    }
}
