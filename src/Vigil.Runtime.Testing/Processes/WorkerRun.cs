namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// One load worker's tally; only that worker writes it, so it needs no locks. Calls that started before the last
/// mark still report their results (acknowledged writes count whenever they happened) but not their latency.
/// </summary>
internal sealed class WorkerRun
{
    public List<double> Latencies { get; } = [];

    public Dictionary<string, KeyLoad> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public int FailureCount { get; private set; }

    public void Succeeded(string key, double ms, long result, bool measured)
    {
        var seen = Keys.GetValueOrDefault(key) ?? new KeyLoad(0, 0, 0, null);
        var maxResult = Math.Max(seen.MaxResult ?? result, result);
        if (!measured)
        {
            Keys[key] = seen with { MaxResult = maxResult };
            return;
        }

        Latencies.Add(ms);
        Keys[key] = new KeyLoad(seen.Calls + 1, seen.Failures, Math.Max(seen.MaxMs, ms), maxResult);
    }

    public void Failed(string key, double ms, string error, bool measured)
    {
        if (!measured)
        {
            return;
        }

        FailureCount++;
        var seen = Keys.GetValueOrDefault(key) ?? new KeyLoad(0, 0, 0, null);
        Keys[key] = new KeyLoad(seen.Calls + 1, seen.Failures + 1, Math.Max(seen.MaxMs, ms), seen.MaxResult);
        Errors[error] = Errors.GetValueOrDefault(error) + 1;
    }
}
