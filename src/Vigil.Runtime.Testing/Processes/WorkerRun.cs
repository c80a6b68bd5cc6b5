namespace Vigil.Runtime.Testing.Processes;

/// <summary>One load worker's tally; only that worker writes it, so it needs no locks.</summary>
internal sealed class WorkerRun
{
    public List<double> Latencies { get; } = [];

    public Dictionary<string, KeyLoad> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public int FailureCount { get; private set; }

    public void Succeeded(string key, double ms, long result)
    {
        Latencies.Add(ms);
        var seen = Keys.GetValueOrDefault(key) ?? new KeyLoad(0, 0, 0, null);
        Keys[key] = new KeyLoad(seen.Calls + 1, seen.Failures, Math.Max(seen.MaxMs, ms), Math.Max(seen.MaxResult ?? result, result));
    }

    public void Failed(string key, double ms, string error)
    {
        FailureCount++;
        var seen = Keys.GetValueOrDefault(key) ?? new KeyLoad(0, 0, 0, null);
        Keys[key] = new KeyLoad(seen.Calls + 1, seen.Failures + 1, Math.Max(seen.MaxMs, ms), seen.MaxResult);
        Errors[error] = Errors.GetValueOrDefault(error) + 1;
    }
}
