namespace Vigil.Runtime.Testing.Processes;

/// <summary>How a <see cref="ProcessCluster"/> starts its silos; null keeps the runtime's defaults (production timings).</summary>
public sealed record SiloProcessOptions
{
    public TimeSpan? RenewPeriod { get; init; }

    public TimeSpan? LeaseTimeToLive { get; init; }

    public TimeSpan? SelfFenceAfter { get; init; }

    public int? MaxHandoffsPerCycle { get; init; }

    public TimeSpan? CallTimeout { get; init; }

    /// <summary>On by default: the commit log is how tests and benchmarks check that no two silos wrote under one lease.</summary>
    public bool RecordCommits { get; init; } = true;

    /// <summary>How long a start may take before it counts as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    internal TestSiloOptions For(string postgres, string siloId) => new()
    {
        Postgres = postgres,
        SiloId = siloId,
        RenewPeriod = RenewPeriod,
        LeaseTimeToLive = LeaseTimeToLive,
        SelfFenceAfter = SelfFenceAfter,
        MaxHandoffsPerCycle = MaxHandoffsPerCycle,
        CallTimeout = CallTimeout,
        RecordCommits = RecordCommits,
        ExitWithParent = true,
    };
}
