using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection;
using Vigil.Ingestion.Audit;

namespace Vigil.Grains.Tests.Detection;

/// <summary>Real audit records from ../shared/fixtures, read through the project's own parser and judged by the whole rule set.</summary>
internal static class AuditFixtures
{
    public static List<AuditEvent> Parse(byte[] input)
    {
        var events = new List<AuditEvent>();
        var report = AuditLogParser.Parse(input, events.Add);
        Assert.True(report.Failed == 0, $"the parser failed records: {string.Join("; ", report.Errors)}");
        return events;
    }

    /// <summary>The rules above Informational that an event raises, each as "id: output".</summary>
    public static List<string> Alerts(AuditEvent audit)
    {
        var subject = DetectionEvent.ForAudit(audit);
        return [.. RepositoryRules.Set.Evaluate(subject, subject.Source)
            .Where(r => r.Metadata.Severity > Severity.Informational)
            .Select(r => $"{r.Id}: {r.Output.Render(subject)}")];
    }

    public static string RuleOf(string alert) => alert[..alert.IndexOf(':', StringComparison.Ordinal)];
}
