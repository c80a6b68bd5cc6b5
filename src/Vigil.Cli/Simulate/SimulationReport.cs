using System.Globalization;

namespace Vigil.Cli.Simulate;

/// <summary>Expected versus fired, one row per expected alert, then a one-line verdict.</summary>
public static class SimulationReport
{
    public static void Write(TextWriter output, IReadOnlyList<ExpectedFiring> firings)
    {
        string[] header = ["SCENARIO", "EXPECTED ALERT", "ON", "SEVERITY", "RESULT", "LATENCY"];
        var rows = firings.Select(f => new[]
        {
            f.Scenario,
            f.Expected.Title,
            $"{(f.Expected.Subject == Scenarios.AlertSubject.Pod ? "pod" : "sa")} {f.Entity}",
            f.Fired is { } fired && fired.Severity != f.Expected.Severity ? $"{f.Expected.Severity} (got {fired.Severity})" : f.Expected.Severity,
            f.Fired is null ? "MISSING" : f.Passed ? "fired" : "WRONG SEVERITY",
            f.Latency is { } latency ? string.Create(CultureInfo.InvariantCulture, $"{latency.TotalMilliseconds:0} ms") : "-",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }
        var passed = firings.Count(f => f.Passed);
        output.WriteLine($"{passed} of {firings.Count} expected alerts fired" + (passed == firings.Count ? "" : $"; {firings.Count - passed} missing or wrong"));
    }
}
