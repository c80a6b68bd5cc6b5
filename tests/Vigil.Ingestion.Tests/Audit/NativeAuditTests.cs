using System.Text;
using Vigil.Ingestion.Audit;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Audit;

public sealed class NativeAuditTests
{
    [Fact]
    public void Log_backend_lines_map_every_field_and_report_bad_lines_by_number()
    {
        var (events, report) = Collect.Audit(Samples.Read("native-log.jsonl"), new AuditParserOptions("prod"));

        Assert.Equal(3, report.Parsed);
        Assert.Equal(2, report.Failed);
        Assert.Equal(0, report.Skipped);

        var exec = events[0];
        Assert.Equal("prod", exec.Cluster);
        Assert.Equal("5b0c6a5e-1f1e-4c52-9d2b-0a7f0d2d0001", exec.AuditId);
        Assert.Equal("ResponseStarted", exec.Stage);
        Assert.Equal("Metadata", exec.Level);
        Assert.Equal("get", exec.Verb);
        Assert.Equal("system:serviceaccount:shop:web", exec.User.Username);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"], exec.User.Groups);
        Assert.Equal(["203.0.113.7", "10.244.1.15"], exec.SourceIps);
        Assert.Equal("kubectl/v1.30.2 (linux/amd64) kubernetes/3968350", exec.UserAgent);
        Assert.Equal(("pods", "exec", "shop", "web-7d9f8-abcde", "", "v1"), (exec.ObjectRef.Resource, exec.ObjectRef.Subresource, exec.ObjectRef.Namespace, exec.ObjectRef.Name, exec.ObjectRef.ApiGroup, exec.ObjectRef.ApiVersion));
        Assert.Equal(101, exec.ResponseCode);
        Assert.StartsWith("/api/v1/namespaces/shop/pods/web-7d9f8-abcde/exec?command=sh", exec.RequestUri, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 6, 22, 18, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000 + 819_232_000, exec.RequestReceivedUnixNano);
        Assert.Equal("allow", exec.Annotations["authorization.k8s.io/decision"]);

        var forbidden = events[1];
        Assert.Equal(403, forbidden.ResponseCode);
        Assert.Equal("system:admin", forbidden.User.Username);
        Assert.Equal("alice", forbidden.ImpersonatedUser.Username);
        Assert.Equal("secrets", forbidden.ObjectRef.Resource);
        Assert.Equal("", forbidden.ObjectRef.Name);

        var binding = events[2];
        Assert.Equal("create", binding.Verb);
        Assert.Equal("rbac.authorization.k8s.io", binding.ObjectRef.ApiGroup);
        Assert.Contains("cluster-admin", Encoding.UTF8.GetString(binding.RequestObjectJson.Span), StringComparison.Ordinal);
        Assert.True(binding.ResponseObjectJson.IsEmpty);

        // Line 3 is blank and not a record; line 4 is cut off; line 6 has a verb that is not a string.
        Assert.Contains("malformed JSON", Collect.Single(report, 4).Reason, StringComparison.Ordinal);
        Assert.Contains("'verb'", Collect.Single(report, 6).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_event_list_yields_each_item_and_fails_a_non_event_item_alone()
    {
        var (events, report) = Collect.Audit(Samples.Read("webhook-eventlist.json"));

        Assert.Equal((2, 0, 1), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal("system:anonymous", events[0].User.Username);
        Assert.Equal(["198.51.100.23"], events[0].SourceIps);
        Assert.Equal(403, events[0].ResponseCode);
        Assert.Equal("kube-system", events[0].ObjectRef.Namespace);
        Assert.Equal("RequestResponse", events[1].Level);
        Assert.Equal("selfsubjectaccessreviews", events[1].ObjectRef.Resource);
        Assert.Contains("\"allowed\": false", Encoding.UTF8.GetString(events[1].ResponseObjectJson.Span), StringComparison.Ordinal);
        var failure = Assert.Single(report.Errors);
        Assert.Equal(1, failure.Line);
        Assert.StartsWith("items[2]", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_json_array_of_events_is_accepted()
    {
        var input = "[{\"kind\":\"Event\",\"verb\":\"delete\",\"objectRef\":{\"resource\":\"events\"}},{\"kind\":\"Event\",\"verb\":\"get\"}]"u8.ToArray();

        var (events, report) = Collect.Audit(input);

        Assert.Equal(2, report.Parsed);
        Assert.Equal(["delete", "get"], events.Select(e => e.Verb));
    }

    [Fact]
    public void A_requested_format_rejects_records_of_another_shape()
    {
        var (_, report) = Collect.Audit(Samples.Read("gke-entries.jsonl"), new AuditParserOptions(Format: AuditFormat.Native));

        Assert.Equal(0, report.Parsed);
        Assert.Equal(5, report.Failed);
        Assert.Contains("format Native was requested", report.Diagnostics[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_formats_in_one_file_are_recognised_line_by_line()
    {
        var (events, report) = Collect.Audit(Samples.Read("mixed.jsonl"));

        Assert.Equal((3, 0, 1), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal(["jane", "aks-user@example.com", "ops@example.com"], events.Select(e => e.User.Username));
        Assert.Equal(["list", "delete", "delete"], events.Select(e => e.Verb));
        Assert.Equal("gke-mixed", events[2].Cluster);
        Assert.Equal(("namespaces", "staging"), (events[2].ObjectRef.Resource, events[2].ObjectRef.Name));
        Assert.Contains("not an audit record", Collect.Single(report, 4).Reason, StringComparison.Ordinal);
    }
}
