namespace Vigil.Runtime.Clustering;

public sealed class ClusterOptions
{
    /// <summary>This silo's name in the membership table: stable across restarts of the same silo.</summary>
    public string SiloId { get; set; } = Environment.MachineName;

    /// <summary>Where other silos reach this one (its gRPC endpoint).</summary>
    public string Address { get; set; } = "127.0.0.1:50051";

    /// <summary>Lease lifetime on the database clock.</summary>
    public TimeSpan LeaseTimeToLive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often every lease is renewed in one statement, and ownership reconsidered.</summary>
    public TimeSpan RenewPeriod { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Without a successful renewal for this long (own monotonic clock), the silo stops serving its shards; other
    /// silos may take its leases once the database clock says this long has passed since the last renewal.
    /// </summary>
    public TimeSpan SelfFenceAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many shards are handed off per cycle on a planned move; crash take-over is not limited.</summary>
    public int MaxHandoffsPerCycle { get; set; } = 64;

    /// <summary>
    /// Records, in each commit's own transaction, the (shard, epoch) it committed under and which silo incarnation
    /// did, in <c>vigil_commit_log</c>: evidence that no two silos ever wrote under one lease. Off by default (one
    /// row per shard and epoch a silo writes under); the churn tests and the cluster benchmark turn it on.
    /// </summary>
    public bool RecordCommits { get; set; }
}
