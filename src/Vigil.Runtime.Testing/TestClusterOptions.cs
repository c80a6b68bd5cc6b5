using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Runtime.Hosting;

namespace Vigil.Runtime.Testing;

/// <summary>
/// How the silos of a <see cref="TestCluster"/> are made. Lease timings default to a quarter of production's or
/// less, so kills, pauses and hand-offs play out in seconds; their proportions stay those of production.
/// </summary>
public sealed class TestClusterOptions
{
    /// <summary>The database every silo shares: a fresh one per cluster, since leases and membership are cluster-wide.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Registers the grains each silo hosts.</summary>
    public required Action<GrainRuntimeBuilder> Grains { get; init; }

    /// <summary>Anything else the grains need, per silo (its id is given).</summary>
    public Action<string, IServiceCollection>? Services { get; init; }

    /// <summary>Where each silo logs; nothing by default.</summary>
    public Action<string, ILoggingBuilder>? Logging { get; init; }

    public TimeSpan RenewPeriod { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LeaseTimeToLive { get; init; } = TimeSpan.FromSeconds(6);

    public TimeSpan SelfFenceAfter { get; init; } = TimeSpan.FromSeconds(4);

    public int MaxHandoffsPerCycle { get; init; } = 64;

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>On by default: the commit log is what <see cref="TestCluster.CommitViolationsAsync"/> checks.</summary>
    public bool RecordCommits { get; init; } = true;
}
