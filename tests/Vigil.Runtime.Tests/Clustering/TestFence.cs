using System.Collections.Concurrent;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Clustering;

/// <summary>The leases a test says a silo holds.</summary>
public sealed class TestFence(string siloId, long incarnation) : IShardFence
{
    private readonly ConcurrentDictionary<int, long> _epochs = new();

    public string SiloId => siloId;

    public long Incarnation => incarnation;

    public ConcurrentBag<int> LostShards { get; } = [];

    public void Hold(int shard, long epoch) => _epochs[shard] = epoch;

    public long? EpochOf(int shard) => _epochs.TryGetValue(shard, out var epoch) ? epoch : null;

    public void Lost(IReadOnlyCollection<int> shards)
    {
        foreach (var shard in shards)
        {
            _epochs.TryRemove(shard, out _);
            LostShards.Add(shard);
        }
    }
}
