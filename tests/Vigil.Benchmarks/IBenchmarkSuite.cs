namespace Vigil.Benchmarks;

public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkReport report, BenchmarkSettings settings, CancellationToken cancellationToken);
}
