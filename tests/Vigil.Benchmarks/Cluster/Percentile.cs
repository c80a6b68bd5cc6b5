namespace Vigil.Benchmarks.Cluster;

public static class Percentile
{
    /// <summary>Nearest-rank percentile; 0 for no values.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => Of(values, 0.5);
}
