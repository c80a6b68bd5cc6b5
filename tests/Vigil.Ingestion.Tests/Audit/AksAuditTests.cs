using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Audit;

public sealed class AksAuditTests
{
    [Fact]
    public void Event_hub_records_decode_properties_log_and_skip_non_audit_categories()
    {
        var (events, report) = Collect.Audit(Samples.Read("aks-eventhub.json"));

        Assert.Equal((2, 1, 1), (report.Parsed, report.Skipped, report.Failed));
        var list = events[0];
        Assert.Equal("aks-prod-01", list.Cluster);
        Assert.Equal("list", list.Verb);
        Assert.Equal("system:serviceaccount:payments:api", list.User.Username);
        Assert.Equal(["20.50.1.9", "10.224.0.4"], list.SourceIps);
        Assert.Equal("kubectl/v1.29.4 (linux/amd64) kubernetes/55019c8", list.UserAgent);
        Assert.Equal(("secrets", "payments"), (list.ObjectRef.Resource, list.ObjectRef.Namespace));
        Assert.Equal(200, list.ResponseCode);

        var create = events[1];
        Assert.Equal("masterclient", create.User.Username);
        Assert.Equal(("pods", "kube-system", "debugger"), (create.ObjectRef.Resource, create.ObjectRef.Namespace, create.ObjectRef.Name));
        Assert.Equal(201, create.ResponseCode);
        Assert.False(create.RequestObjectJson.IsEmpty);

        Assert.Contains(report.Diagnostics, d => d.Kind == DiagnosticKind.Skipped && d.Reason.Contains("'kube-apiserver'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Reason.StartsWith("records[3]", StringComparison.Ordinal) && e.Reason.Contains("properties.log", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_lines_accept_properties_log_as_an_object_and_skip_guard()
    {
        var (events, report) = Collect.Audit(Samples.Read("aks-storage.jsonl"), new Vigil.Ingestion.Audit.AuditParserOptions("named-by-caller"));

        Assert.Equal((1, 1, 0), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal("named-by-caller", events[0].Cluster);
        Assert.Equal(("nodeclient", "nodes", "kubelet/v1.29.4"), (events[0].User.Username, events[0].ObjectRef.Resource, events[0].UserAgent));
        Assert.Equal(2, Collect.Single(report, 2).Line);
    }
}
