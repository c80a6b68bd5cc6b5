using System.Text;
using Vigil.Ingestion.Audit;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Audit;

public sealed class GkeAuditTests
{
    [Fact]
    public void Log_entries_map_method_resource_caller_and_status_to_audit_fields()
    {
        var (events, report) = Collect.Audit(Samples.Read("gke-entries.jsonl"));

        Assert.Equal((3, 1, 1), (report.Parsed, report.Skipped, report.Failed));

        var exec = events[0];
        Assert.Equal("gke-shop", exec.Cluster);
        Assert.Equal("f5d3a1b2-0000-4000-8000-00000000e001", exec.AuditId);
        Assert.Equal("create", exec.Verb);
        Assert.Equal("dev@example.com", exec.User.Username);
        Assert.Empty(exec.User.Groups);
        Assert.Equal(["34.120.10.5"], exec.SourceIps);
        Assert.Equal("kubectl/v1.30.5 (linux/amd64) kubernetes/74e84a9", exec.UserAgent);
        Assert.Equal(("pods", "exec", "web", "frontend-6c5d7-qwert", "", "v1"), (exec.ObjectRef.Resource, exec.ObjectRef.Subresource, exec.ObjectRef.Namespace, exec.ObjectRef.Name, exec.ObjectRef.ApiGroup, exec.ObjectRef.ApiVersion));
        Assert.Equal("/api/v1/namespaces/web/pods/frontend-6c5d7-qwert/exec", exec.RequestUri);
        Assert.Equal(("ResponseStarted", 101), (exec.Stage, exec.ResponseCode));
        Assert.Equal(123_456_789, exec.RequestReceivedUnixNano % 1_000_000_000);
        Assert.Equal("allow", exec.Annotations["authorization.k8s.io/decision"]);
        Assert.Contains("responseCode", exec.Annotations[GkeLogEntryMapper.InferredAnnotation], StringComparison.Ordinal);

        var denied = events[1];
        Assert.Equal(403, denied.ResponseCode);
        Assert.Equal(("clusterrolebindings", "escalate", "rbac.authorization.k8s.io", ""), (denied.ObjectRef.Resource, denied.ObjectRef.Name, denied.ObjectRef.ApiGroup, denied.ObjectRef.Namespace));
        Assert.Equal("Request", denied.Level);
        Assert.Contains("cluster-admin", Encoding.UTF8.GetString(denied.RequestObjectJson.Span), StringComparison.Ordinal);

        // No resourceName and the Panther spelling callerIP: the method name and the other spelling still serve.
        var list = events[2];
        Assert.Equal(("list", "secrets", "", 200), (list.Verb, list.ObjectRef.Resource, list.ObjectRef.ApiGroup, list.ResponseCode));
        Assert.Equal(["198.51.100.77"], list.SourceIps);

        Assert.Contains("container.googleapis.com", Collect.Single(report, 3).Reason, StringComparison.Ordinal);
        Assert.Contains("protoPayload", Collect.Single(report, 5).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("io.k8s.authorization.rbac.v1.clusterrolebindings.create", "rbac.authorization.k8s.io", "clusterrolebindings", "")]
    [InlineData("io.k8s.rbac.v1.roles.create", "rbac.authorization.k8s.io", "roles", "")]
    [InlineData("io.k8s.apps.v1.deployments.patch", "apps", "deployments", "")]
    [InlineData("io.k8s.core.v1.pods.exec.create", "", "pods", "exec")]
    [InlineData("io.k8s.coordination.v1.leases.update", "coordination.k8s.io", "leases", "")]
    public void Method_names_give_group_resource_and_subresource(string method, string group, string resource, string subresource)
    {
        var reference = GkeResourceName.FromMethod(method);

        Assert.NotNull(reference);
        Assert.Equal((group, resource, subresource), (reference.ApiGroup, reference.Resource, reference.Subresource));
    }

    [Fact]
    public void Non_resource_methods_have_no_object_reference()
    {
        Assert.Null(GkeResourceName.FromMethod("io.k8s.get"));
        Assert.Null(GkeResourceName.Parse("readyz"));
        Assert.Null(GkeResourceName.Parse("HNAP1"));
    }
}
