using System.IO.Compression;
using System.Text;
using Vigil.Ingestion.Audit;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Audit;

public sealed class EksAuditTests
{
    [Fact]
    public void Subscription_envelope_yields_each_message_and_counts_a_truncated_one_as_failed()
    {
        var (events, report) = Collect.Audit(Samples.Read("eks-subscription.json"));

        AssertEnvelope(events, report);
    }

    [Fact]
    public void Lambda_payload_of_base64_gzip_decodes_to_the_same_events()
    {
        var wrapper = $"{{\"awslogs\":{{\"data\":\"{Convert.ToBase64String(GzipOf(Samples.Read("eks-subscription.json")))}\"}}}}";

        var (events, report) = Collect.Audit(Encoding.UTF8.GetBytes(wrapper));

        AssertEnvelope(events, report);
    }

    [Fact]
    public void Raw_gzip_of_concatenated_envelopes_as_firehose_writes_them_is_read_whole()
    {
        var envelope = Samples.Read("eks-subscription.json");
        var twice = GzipOf(envelope).Concat(GzipOf(envelope)).ToArray();

        var (events, report) = Collect.Audit(twice);

        Assert.Equal((4, 0, 2), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal(4, events.Count(e => e.Cluster == "shop-prod"));
    }

    [Fact]
    public void Control_messages_and_non_audit_streams_are_skipped_not_failed()
    {
        var control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}\n"u8.ToArray();

        var (_, report) = Collect.Audit(control);

        Assert.Equal((0, 1, 0), (report.Parsed, report.Skipped, report.Failed));
        Assert.Contains("CONTROL_MESSAGE", report.Diagnostics[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_log_events_items_parse_the_audit_stream_and_skip_the_authenticator()
    {
        var (events, report) = Collect.Audit(Samples.Read("eks-filterlogevents.jsonl"), new AuditParserOptions("shop-prod", AuditFormat.Eks));

        Assert.Equal((1, 1, 0), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal(("patch", "eks:addon-manager", "aws-auth", 200), (events[0].Verb, events[0].User.Username, events[0].ObjectRef.Name, events[0].ResponseCode));
        Assert.Contains("authenticator-", Collect.Single(report, 2).Reason, StringComparison.Ordinal);
    }

    private static void AssertEnvelope(List<Contracts.Events.V1.AuditEvent> events, ParseReport report)
    {
        Assert.Equal((2, 0, 1), (report.Parsed, report.Skipped, report.Failed));
        var exec = events[0];
        Assert.Equal("shop-prod", exec.Cluster);
        Assert.Equal("create", exec.Verb);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/DevOps/alice", exec.User.Username);
        Assert.Equal("aws-iam-authenticator:111122223333:AROAEXAMPLE", exec.User.Uid);
        Assert.Equal(["54.240.197.1"], exec.SourceIps);
        Assert.Equal("kubectl/v1.31.0 (darwin/arm64) kubernetes/9edcffc", exec.UserAgent);
        Assert.Equal(("pods", "exec", "api-0"), (exec.ObjectRef.Resource, exec.ObjectRef.Subresource, exec.ObjectRef.Name));
        Assert.Equal(101, exec.ResponseCode);
        Assert.StartsWith("EKS Access Policy:", exec.Annotations["authorization.k8s.io/reason"], StringComparison.Ordinal);
        Assert.Equal("system:kube-scheduler", events[1].User.Username);
        var truncated = Assert.Single(report.Errors);
        Assert.StartsWith("logEvents[2]", truncated.Reason, StringComparison.Ordinal);
        Assert.Contains("truncated", truncated.Reason, StringComparison.Ordinal);
    }

    private static byte[] GzipOf(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
