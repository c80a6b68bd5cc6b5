using System.Text;
using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Audit;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Grains.Tests.Detection;

/// <summary>
/// Panther's labelled rule tests for AKS, EKS and GKE (../shared/fixtures/audit/*/panther-analysis-tests.jsonl,
/// line N of the labels describing line N of the sample): how many labelled positives our rules catch above
/// Informational, and that no labelled negative alerts unless it is listed below as something we rightly flag.
/// </summary>
public sealed class AuditLabelledSampleTests
{
    /// <summary>
    /// Panther negatives that our rules flag on purpose. A negative for one Panther rule is often an ordinary
    /// positive for another behaviour: Panther's token-theft and kubectl-cp rules have execs as their negatives,
    /// and every exec into a pod is ours to report.
    /// </summary>
    private static readonly Dictionary<(string Cloud, int Line), string> RightlyFlagged = new()
    {
        // Kubernetes.Kubectl.CP.Operation negatives: copying into a pod, a tar in place, an interactive shell,
        // and a kube-system service account's exec are all still execs into a container.
        [("eks", 66)] = "vigil.audit.pod-exec",
        [("eks", 67)] = "vigil.audit.pod-exec",
        [("eks", 68)] = "vigil.audit.pod-exec",
        [("eks", 69)] = "vigil.audit.pod-exec",
        // Kubernetes.Pod.StealServiceAccountToken negatives: a plain shell is an exec; kube-proxy's service account
        // reading a token through exec is an exec and a token read whoever does it (no component of the platform
        // execs into pods to read tokens: it has them mounted).
        [("eks", 168)] = "vigil.audit.pod-exec",
        [("eks", 171)] = "vigil.audit.exec-token-read vigil.audit.pod-exec",
        // Kubernetes.ClusterRoleBinding.Privileged, "RoleBinding (not ClusterRoleBinding)": a RoleBinding to
        // cluster-admin makes its subjects admin of the namespace, secrets and exec included.
        [("eks", 41)] = "vigil.audit.cluster-admin-binding",
        // Kubernetes.Role.*, "Updating existing role (not creating)": widening an existing role by update grants
        // the same as creating one, so a person doing it is reported.
        [("eks", 113)] = "vigil.audit.high-privileges-role",
        [("eks", 119)] = "vigil.audit.high-privileges-role",
        [("eks", 126)] = "vigil.audit.high-privileges-role",
        // Kubernetes.Pod.SystemNamespace, "Deployment creating pod (not direct pod creation)": a person's
        // Deployment in kube-system is the same new container, reported one step earlier and with its author.
        [("eks", 80)] = "vigil.audit.kube-system-container",
        // GCP.K8S.Privileged.Pod.Created, "GCP Service Account Creating Privileged Pod (Excluded)": the sample's
        // container-engine-robot@some-project is an ordinary Google service account of that name; GKE's own robot
        // is service-NUMBER@container-engine-robot.iam.gserviceaccount.com, which is exempt.
        [("gke", 19)] = "vigil.audit.kube-system-container vigil.audit.privileged-container",
    };

    /// <summary>
    /// Negatives that alert because the ingester loses what made them negative, not because of a rule; each one
    /// names the fix. The test fails once a fix lands and the line stops alerting, so the entry goes with it.
    /// </summary>
    private static readonly Dictionary<(string Cloud, int Line), string> IngestionGaps = new()
    {
        // "Pod Not Created": GKE reports the failure only as a Status object in protoPayload.response, and
        // GkeLogEntryMapper infers 201 for any create without protoPayload.status, so the pod reads as created.
        [("gke", 12)] = "vigil.audit.sensitive-mount",
        // "GKE Anonymous Readyz Check via RequestURI": methodName io.k8s.readyz without a resourceName maps to
        // the URI "/" (GkeResourceName knows no non-resource methods), so the health check reads as discovery.
        [("gke", 55)] = "vigil.audit.anonymous-access",
    };

    public static TheoryData<string> Clouds() => ["aks", "eks", "gke"];

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Labelled_negatives_raise_nothing_above_informational_and_the_positives_caught_are_reported(string cloud)
    {
        var samples = Run(cloud);
        var report = Report(cloud, samples);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"audit-labelled-{cloud}.txt"), report);

        var unexpected = samples
            .Where(s => !s.Positive && s.Alerts.Count > 0)
            .Where(s => Expected(cloud, s.Line) != Rules(s))
            .Select(s => $"line {s.Line} ({s.PantherRule} '{s.TestName}'): {string.Join("; ", s.Alerts)}")
            .ToList();
        Assert.True(unexpected.Count == 0, "labelled negatives that alerted:\n" + string.Join('\n', unexpected));
        var stale = RightlyFlagged.Keys.Concat(IngestionGaps.Keys).Where(k => k.Cloud == cloud && !samples.Any(s => s.Line == k.Line && !s.Positive && s.Alerts.Count > 0));
        Assert.Empty(stale);
        var positives = samples.Where(s => s.Positive && s.IsAudit).ToList();
        Assert.True(positives.Count(s => s.Alerts.Count > 0) * 2 >= positives.Count, report);
    }

    private static string? Expected(string cloud, int line) =>
        RightlyFlagged.TryGetValue((cloud, line), out var rules) || IngestionGaps.TryGetValue((cloud, line), out rules) ? rules : null;

    private static string Rules(AuditLabelledSample sample) =>
        string.Join(' ', sample.Alerts.Select(AuditFixtures.RuleOf).Distinct().Order(StringComparer.Ordinal));

    private static List<AuditLabelledSample> Run(string cloud)
    {
        var lines = File.ReadAllLines(SharedFixtures.Require($"audit/{cloud}/panther-analysis-tests.jsonl"));
        var labels = File.ReadAllLines(SharedFixtures.Require($"audit/{cloud}/panther-analysis-tests.labels.jsonl"));
        Assert.Equal(lines.Length, labels.Length);
        var samples = new List<AuditLabelledSample>();
        for (var i = 0; i < lines.Length; i++)
        {
            using var label = JsonDocument.Parse(labels[i]);
            var root = label.RootElement;
            Assert.Equal(i + 1, root.GetProperty("line").GetInt32());
            var events = new List<AuditEvent>();
            var parse = AuditLogParser.Parse(Encoding.UTF8.GetBytes(lines[i]), events.Add);
            samples.Add(new AuditLabelledSample(
                i + 1,
                root.GetProperty("rule_id").GetString()!,
                root.GetProperty("test_name").GetString()!,
                root.GetProperty("expected_result").GetBoolean(),
                parse.Parsed > 0,
                [.. events.SelectMany(AuditFixtures.Alerts)]));
        }
        return samples;
    }

    private static string Report(string cloud, List<AuditLabelledSample> samples)
    {
        var text = new StringBuilder();
        var audit = samples.Where(s => s.IsAudit).ToList();
        var positives = audit.Where(s => s.Positive).ToList();
        var caught = positives.Count(s => s.Alerts.Count > 0);
        var negatives = audit.Where(s => !s.Positive).ToList();
        text.AppendLine($"{cloud}: {caught}/{positives.Count} labelled positives raise a rule above Informational "
            + $"({(positives.Count == 0 ? 0 : 100.0 * caught / positives.Count):F0}%); "
            + $"{negatives.Count(s => s.Alerts.Count > 0)}/{negatives.Count} labelled negatives do; "
            + $"{samples.Count - audit.Count} lines are not an audit record");
        foreach (var group in samples.GroupBy(s => s.PantherRule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var p = group.Where(s => s.Positive && s.IsAudit).ToList();
            var n = group.Where(s => !s.Positive && s.IsAudit).ToList();
            var other = group.Count(s => !s.IsAudit);
            text.AppendLine($"  {group.Key}: positives {p.Count(s => s.Alerts.Count > 0)}/{p.Count}, negatives alerting "
                + $"{n.Count(s => s.Alerts.Count > 0)}/{n.Count}" + (other > 0 ? $", not an audit record {other}" : ""));
            foreach (var s in group.Where(s => s.IsAudit && (s.Alerts.Count > 0) != s.Positive))
            {
                var what = s.Positive ? "missed" : "alerted";
                text.AppendLine($"    line {s.Line} {what} '{s.TestName}'" + (s.Positive ? "" : $": {Rules(s)}"));
            }
        }
        return text.ToString();
    }
}
