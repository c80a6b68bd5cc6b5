namespace Vigil.Runtime.Clustering;

/// <summary>
/// Rendezvous (highest-random-weight) hashing: who should own a shard. When a silo joins or leaves, only the
/// shards it wins or loses move; the rest stay where they are.
/// </summary>
public static class Rendezvous
{
    public static string? OwnerOf(int shard, IReadOnlyList<string> silos)
    {
        string? best = null;
        ulong bestWeight = 0;
        foreach (var silo in silos)
        {
            var weight = Mix(GrainId.StableHash(silo, shard.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(silo, best) < 0))
            {
                best = silo;
                bestWeight = weight;
            }
        }

        return best;
    }

    /// <summary>
    /// A 64-bit finalizer (murmur3's fmix64): FNV-1a alone leaves names that differ in one character with
    /// correlated high bits, which skews who wins.
    /// </summary>
    private static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccd;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53;
        k ^= k >> 33;
        return k;
    }
}
