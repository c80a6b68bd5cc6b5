using Vigil.Scenarios;

namespace Vigil.Cli.Simulate;

/// <summary>
/// One alert a scenario must raise, where it must appear (the pod's name or the service account's
/// <c>namespace/name</c>), when its events were sent, and what the API reported for it, if anything yet.
/// </summary>
public sealed class ExpectedFiring(string scenario, ExpectedAlert expected, string entity, DateTimeOffset sentAt)
{
    public string Scenario => scenario;

    public ExpectedAlert Expected => expected;

    public string Entity => entity;

    public DateTimeOffset SentAt => sentAt;

    public FiredAlert? Fired { get; set; }

    public bool Passed => Fired is { } fired && fired.Severity == expected.Severity;

    /// <summary>From sending the events to the silo's first sighting of the alert (both clocks on one machine for loopback).</summary>
    public TimeSpan? Latency => Fired is { } fired ? fired.FirstSeen - sentAt : null;
}
