using Vigil.Ingestion.Audit;
using Vigil.Ingestion.Runtime;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>Runs a parser into a list and checks the invariant every parse must keep: each record counted once.</summary>
internal static class Collect
{
    public static (List<AuditEvent> Events, ParseReport Report) Audit(byte[] input, AuditParserOptions? options = null)
    {
        var events = new List<AuditEvent>();
        var report = AuditLogParser.Parse(input, options ?? new AuditParserOptions(), events.Add);
        Assert.Equal(report.Parsed, events.Count);
        Assert.Equal(report.Skipped + report.Failed, report.Diagnostics.Count);
        return (events, report);
    }

    public static (List<RuntimeEvent> Events, ParseReport Report) Tetragon(byte[] input, string cluster = "")
    {
        var events = new List<RuntimeEvent>();
        var report = TetragonParser.Parse(input, cluster, events.Add);
        Assert.Equal(report.Parsed, events.Count);
        Assert.Equal(report.Skipped + report.Failed, report.Diagnostics.Count);
        return (events, report);
    }

    public static (List<RuntimeEvent> Events, ParseReport Report) Falco(byte[] input, string cluster = "")
    {
        var events = new List<RuntimeEvent>();
        var report = FalcoParser.Parse(input, cluster, events.Add);
        Assert.Equal(report.Parsed, events.Count);
        Assert.Equal(report.Skipped + report.Failed, report.Diagnostics.Count);
        return (events, report);
    }

    public static ParseDiagnostic Single(ParseReport report, int line) => Assert.Single(report.Diagnostics, d => d.Line == line);
}
