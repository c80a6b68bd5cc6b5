using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Audit;

/// <summary>Every real captured audit file in ../shared/fixtures, read in place; skipped where that folder is absent.</summary>
public sealed class RealFixtureTests
{
    [Fact]
    public void Falco_trace_files_parse_whole_with_their_concrete_values()
    {
        var files = Directory.GetFiles(SharedFixtures.Require("audit/k8s/falco-trace-files"), "*.json");
        Assert.Equal(46, files.Length);
        var total = 0;
        foreach (var file in files)
        {
            var content = File.ReadAllBytes(file);
            var (_, report) = Collect.Audit(content);
            Assert.True(report.Failed == 0 && report.Skipped == 0, $"{Path.GetFileName(file)}: {string.Join("; ", report.Diagnostics)}");
            Assert.Equal(SharedFixtures.NonBlankLines(content), report.Parsed);
            total += report.Parsed;
        }

        Assert.Equal(51, total);

        var exec = Assert.Single(Collect.Audit(File.ReadAllBytes(Path.Combine(SharedFixtures.Require("audit/k8s/falco-trace-files"), "exec_pod.json"))).Events);
        Assert.Equal(("create", "minikube-user", "ResponseStarted", 101), (exec.Verb, exec.User.Username, exec.Stage, exec.ResponseCode));
        Assert.Equal(("pods", "exec", "default", "nginx-deployment-7998647bdf-phvq7"), (exec.ObjectRef.Resource, exec.ObjectRef.Subresource, exec.ObjectRef.Namespace, exec.ObjectRef.Name));
        Assert.Equal(["192.168.99.1"], exec.SourceIps);
        Assert.Contains("command=bash", exec.RequestUri, StringComparison.Ordinal);

        var anonymous = Assert.Single(Collect.Audit(File.ReadAllBytes(Path.Combine(SharedFixtures.Require("audit/k8s/falco-trace-files"), "anonymous_creates_namespace_foo.json"))).Events);
        Assert.Equal(("system:anonymous", "create", "namespaces"), (anonymous.User.Username, anonymous.Verb, anonymous.ObjectRef.Resource));
        Assert.NotEqual(0, anonymous.RequestReceivedUnixNano);
    }

    [Fact]
    public void Audit2rbac_log_keeps_impersonation_and_the_forbidden_responses()
    {
        var content = File.ReadAllBytes(SharedFixtures.Require("audit/k8s/audit2rbac-demo.log.jsonl"));

        var (events, report) = Collect.Audit(content);

        Assert.Equal((37, 0, 0), (report.Parsed, report.Skipped, report.Failed));
        Assert.All(events, e => Assert.Equal("system:admin", e.User.Username));
        Assert.All(events, e => Assert.NotEmpty(e.ImpersonatedUser.Username));
        Assert.Equal(11, events.Count(e => e.ResponseCode == 403));
        var first = events[0];
        Assert.Equal(("list", "bob", "pods", "default", "033d17af-082d-4b24-aa22-627752e83d71"), (first.Verb, first.ImpersonatedUser.Username, first.ObjectRef.Resource, first.ObjectRef.Namespace, first.AuditId));
        Assert.Equal(["::1"], first.SourceIps);
        Assert.Equal(new HashSet<string> { "bob", "alice", "system:serviceaccount:ns1:sa1" }, events.Select(e => e.ImpersonatedUser.Username).ToHashSet());
    }

    [Fact]
    public void Eks_panther_events_parse_every_line()
    {
        var content = File.ReadAllBytes(SharedFixtures.Require("audit/eks/panther-analysis-tests.jsonl"));

        var (events, report) = Collect.Audit(content);

        // Lines 21 and 22 are Panther test stubs holding only "operation" and "p_enrichment": not audit records.
        Assert.Equal((188, 0, 2), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal([21, 22], report.Errors.Select(e => e.Line));
        Assert.All(report.Errors, e => Assert.Contains("not an audit record", e.Reason, StringComparison.Ordinal));
        var first = events[0];
        Assert.Equal(("abcde12345", "system:anonymous", "kubectl/v1.25.4", 200), (first.AuditId, first.User.Username, first.UserAgent, first.ResponseCode));
        Assert.Equal(("pods", "default", "test-pod"), (first.ObjectRef.Resource, first.ObjectRef.Namespace, first.ObjectRef.Name));
        Assert.Equal(["8.8.8.8"], first.SourceIps);
        Assert.Equal(new DateTimeOffset(2022, 11, 29, 0, 9, 4, 380, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000, first.RequestReceivedUnixNano);
        Assert.Contains(events, e => e.ObjectRef?.Subresource == "exec");
        Assert.Contains(events, e => e.User?.Uid.StartsWith("aws-iam-authenticator:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Aks_panther_records_parse_the_kube_audit_ones_and_skip_the_activity_log()
    {
        var content = File.ReadAllBytes(SharedFixtures.Require("audit/aks/panther-analysis-tests.jsonl"));

        var (events, report) = Collect.Audit(content);

        Assert.Equal((34, 6, 0), (report.Parsed, report.Skipped, report.Failed));
        Assert.All(report.Diagnostics, d => Assert.Contains("'Administrative'", d.Reason, StringComparison.Ordinal));
        var get = events.First(e => e.AuditId == "abc-123");
        Assert.Equal(("get", "system:anonymous", "kubectl/v1.28.0", 200, "cluster"), (get.Verb, get.User.Username, get.UserAgent, get.ResponseCode, get.Cluster));
        Assert.Equal(("pods", "default", "test-pod"), (get.ObjectRef.Resource, get.ObjectRef.Namespace, get.ObjectRef.Name));
        Assert.Equal(["10.0.0.1"], get.SourceIps);
    }

    [Fact]
    public void Gke_panther_entries_parse_the_kubernetes_ones_and_skip_other_services()
    {
        var content = File.ReadAllBytes(SharedFixtures.Require("audit/gke/panther-analysis-tests.jsonl"));

        var (events, report) = Collect.Audit(content);

        Assert.Equal(57, report.Records);
        Assert.Equal(0, report.Failed);
        Assert.Equal(6, report.Skipped);
        Assert.All(report.Diagnostics, d => Assert.Contains("not a Kubernetes API audit entry", d.Reason, StringComparison.Ordinal));
        var exec = events.First(e => e.User.Username == "disallowed.user@example.com");
        Assert.Equal(("create", "exec", "example", "one-off-valerii-tovstyk-1646666967280", 101), (exec.Verb, exec.ObjectRef.Subresource, exec.ObjectRef.Namespace, exec.ObjectRef.Name, exec.ResponseCode));
        Assert.Equal(["88.88.88.88"], exec.SourceIps);
        Assert.Equal("kubectl/v1.40.8 (darwin/amd64) kubernetes/6575935", exec.UserAgent);
        Assert.Contains(events, e => e.ResponseCode == 403);
    }

    [Fact]
    public void Admission_files_are_rejected_with_a_reason_because_they_are_not_audit_records()
    {
        foreach (var file in Directory.GetFiles(SharedFixtures.Require("admission")))
        {
            var content = File.ReadAllBytes(file);
            var (_, report) = Collect.Audit(content);

            Assert.Equal(0, report.Parsed);
            Assert.True(report.Failed > 0, Path.GetFileName(file));
            Assert.All(report.Errors, e => Assert.Contains("not an audit record", e.Reason, StringComparison.Ordinal));
        }
    }
}
