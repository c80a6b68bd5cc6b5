using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>A spread of alerts whose every filtered and sorted field differs, so each filter and order can be told apart.</summary>
public static class SampleAlerts
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 24 alerts: clusters prod and dev alternate, namespaces shop / pay / kube-system in turn, severities
    /// cycle Informational → High, statuses Active, Active, Resolved, Dismissed; alert i was first seen i minutes
    /// after <see cref="Start"/>, last seen (24 − i) × 10 minutes after it, seen (i × 7) mod 24 + 1 times.
    /// </summary>
    public static IReadOnlyList<IndexedAlert> Spread() => [.. Enumerable.Range(0, 24).Select(One)];

    public static IndexedAlert One(int i)
    {
        var cluster = i % 2 == 0 ? "prod" : "dev";
        var ns = (i % 3) switch { 0 => "shop", 1 => "pay", _ => "kube-system" };
        var alert = new Alert(
            Id: $"0196a000-0000-7000-8000-{i:D12}",
            RuleId: $"vigil.test.rule-{i % 5}",
            Title: $"Rule {i % 5}",
            Severity: (Severity)(i % 4),
            Tactic: "TA0002",
            Technique: "T1059",
            Cluster: cluster,
            Namespace: ns,
            Pod: $"pod-{i}",
            Container: "app",
            Node: "node-1",
            ServiceAccount: "",
            Evidence: [Evidence(i)],
            FirstSeen: Start.AddMinutes(i),
            LastSeen: Start.AddMinutes((24 - i) * 10),
            Count: (i * 7 % 24) + 1,
            Status: (i % 4) switch { 2 => AlertStatus.Resolved, 3 => AlertStatus.Dismissed, _ => AlertStatus.Active });
        return new IndexedAlert("vigil.pod", $"{cluster}/{ns}/uid-{i}", alert);
    }

    private static AlertEvidence Evidence(int i) => new(
        "exec", Start.AddMinutes(i), new EvidenceProcess(200, 100, "/bin/sh", ["-c", "id"], 33, "www-data", "/"),
        [new EvidenceProcess(100, 1, "/usr/sbin/nginx", [], 0, "root", "/")], "", 0, $"sample {i}");
}
