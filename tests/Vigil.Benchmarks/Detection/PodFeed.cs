using Vigil.Contracts.Events.V1;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// One pod's pre-built batches, replayed in turn so that generating events costs nothing in the timed loop. Only
/// one caller ever sends to a pod, as only one sensor reports a pod's container, so the cursor needs no lock.
/// </summary>
public sealed class PodFeed(string key, RuntimeEvent[][] batches, int[] maliciousPerBatch)
{
    private int _next;

    public string Key => key;

    public int Batches => batches.Length;

    /// <summary>Attack events in the batches handed out so far.</summary>
    public long MaliciousSent { get; private set; }

    public RuntimeEvent[] NextBatch()
    {
        var index = _next;
        _next = (_next + 1) % batches.Length;
        MaliciousSent += maliciousPerBatch[index];
        return batches[index];
    }

    public static PodFeed Create(SyntheticPod pod, int seed, int batches, int batchSize)
    {
        var mix = new RuntimeEventMix(pod, seed);
        var built = new RuntimeEvent[batches][];
        var malicious = new int[batches];
        for (var i = 0; i < batches; i++)
        {
            var before = mix.Malicious;
            built[i] = mix.Take(batchSize);
            malicious[i] = mix.Malicious - before;
        }
        return new PodFeed(pod.Key, built, malicious);
    }
}
