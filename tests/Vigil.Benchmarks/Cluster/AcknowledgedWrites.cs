using Vigil.Runtime.Testing.Processes;

namespace Vigil.Benchmarks.Cluster;

/// <summary>The largest sequence each ledger key ever acknowledged, from every call, load and probe of the run.</summary>
public sealed class AcknowledgedWrites
{
    private readonly Dictionary<string, long> _acked = new(StringComparer.Ordinal);

    public void Record(CallReport report)
    {
        foreach (var (key, sequence) in report.Results)
        {
            Record(key, sequence);
        }
    }

    public void Record(LoadReport report)
    {
        foreach (var (key, load) in report.Keys)
        {
            if (load.MaxResult is { } sequence)
            {
                Record(key, sequence);
            }
        }
    }

    public void Record(IReadOnlyDictionary<string, ProbeResult> probe)
    {
        foreach (var (key, result) in probe)
        {
            if (result.Result is { } sequence)
            {
                Record(key, sequence);
            }
        }
    }

    /// <summary>Keys that read back less than they once acknowledged, or could not be read at all.</summary>
    public int Lost(CallReport read) =>
        _acked.Count(a => !read.Results.TryGetValue(a.Key, out var sequence) || sequence < a.Value);

    private void Record(string key, long sequence) => _acked[key] = Math.Max(sequence, _acked.GetValueOrDefault(key));
}
