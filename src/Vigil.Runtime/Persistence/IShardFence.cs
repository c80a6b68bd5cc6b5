namespace Vigil.Runtime.Persistence;

/// <summary>
/// The leases a silo believes it holds. A fenced commit checks them in its own transaction and writes nothing
/// when any touched shard is no longer held at that epoch.
/// </summary>
public interface IShardFence
{
    string SiloId { get; }

    long Incarnation { get; }

    /// <summary>True when each commit also records its (shard, epoch, silo, incarnation) in <c>vigil_commit_log</c>.</summary>
    bool RecordsCommits => false;

    /// <summary>The epoch this silo holds the shard at, or null when it does not serve the shard.</summary>
    long? EpochOf(int shard);

    /// <summary>The database said these shards are gone: stop serving them.</summary>
    void Lost(IReadOnlyCollection<int> shards);
}
