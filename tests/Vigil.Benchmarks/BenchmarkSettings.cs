namespace Vigil.Benchmarks;

/// <summary>How long each timed run lasts and how many rounds are taken (the median is reported).</summary>
public sealed record BenchmarkSettings(TimeSpan Duration, int Rounds)
{
    public static readonly BenchmarkSettings Default = new(TimeSpan.FromSeconds(3), 3);
}
