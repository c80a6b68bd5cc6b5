using System.Globalization;
using Vigil.Benchmarks;
using Vigil.Benchmarks.Cluster;
using Vigil.Benchmarks.Detection;
using Vigil.Benchmarks.Grpc;
using Vigil.Benchmarks.Ingest;
using Vigil.Benchmarks.Runtime;

IBenchmarkSuite[] suites = [new GrpcSuite(), new RuntimeSuite(), new ClusterSuite(), new DetectionSuite(), new IngestSuite()];

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: ./bench.sh SUITE [--seconds N] [--rounds N] [--output PATH]");
    Console.WriteLine();
    Console.WriteLine("Runs a benchmark suite in Release, prints a table and writes bench/results/SUITE.json.");
    Console.WriteLine("Suites:");
    foreach (var s in suites)
    {
        Console.WriteLine($"  {s.Name,-10} {s.Description}");
    }

    return args.Length == 0 ? 2 : 0;
}

var suite = suites.FirstOrDefault(s => s.Name == args[0]);
if (suite is null)
{
    await Console.Error.WriteLineAsync($"Unknown suite '{args[0]}'. Known: {string.Join(", ", suites.Select(s => s.Name))}.");
    return 2;
}

var settings = BenchmarkSettings.Default;
var output = Path.Combine("bench", "results", suite.Name + ".json");
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length:
            settings = settings with { Duration = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) };
            break;
        case "--rounds" when i + 1 < args.Length:
            settings = settings with { Rounds = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--output" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.");
            return 2;
    }
}

Console.WriteLine($"Suite {suite.Name}: {settings.Rounds} rounds of {settings.Duration.TotalSeconds:0.#} s per figure, median reported.");
var report = new BenchmarkReport(suite.Name);
await suite.RunAsync(report, settings, CancellationToken.None);
report.PrintTable(Console.Out);
report.WriteJson(output);
Console.WriteLine($"\nWrote {Path.GetFullPath(output)}");
return 0;
