using System.Globalization;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>Grain keys chosen by shard, so a test can address every shard a silo owns.</summary>
public static class ShardKeys
{
    /// <summary>The first key <c>{prefix}-N</c> of grain type <paramref name="grainType"/> that falls in <paramref name="shard"/>.</summary>
    public static string For(string grainType, int shard, string prefix = "key")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, GrainId.ShardCount);
        for (var n = 0; ; n++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n}");
            if (new GrainId(grainType, key).Shard == shard)
            {
                return key;
            }
        }
    }

    /// <summary>One key per shard, indexed by shard.</summary>
    public static string[] OnePerShard(string grainType, string prefix = "key")
    {
        var keys = new string?[GrainId.ShardCount];
        var missing = GrainId.ShardCount;
        for (var n = 0; missing > 0; n++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n}");
            var shard = new GrainId(grainType, key).Shard;
            if (keys[shard] is null)
            {
                keys[shard] = key;
                missing--;
            }
        }

        return keys!;
    }
}
