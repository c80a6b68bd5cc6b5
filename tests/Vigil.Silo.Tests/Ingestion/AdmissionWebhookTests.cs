using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Grains.Entities;
using Vigil.Silo.Tests.Ingestion.Support;

namespace Vigil.Silo.Tests.Ingestion;

/// <summary>The validating webhook: AdmissionReview v1 in, the spec's reply out, admitted workloads recorded.</summary>
public sealed class AdmissionWebhookTests
{
    private static readonly Dictionary<string, string?> DenyAll = new()
    {
        ["Admission:Policies:privileged:Mode"] = "deny",
        ["Admission:Policies:host-path:Mode"] = "deny",
        ["Admission:Policies:host-namespaces:Mode"] = "Deny",
        ["Admission:Policies:run-as-root:Mode"] = "deny",
        ["Admission:Policies:image-tag:Mode"] = "deny",
    };

    [Fact]
    public async Task In_deny_mode_a_privileged_pod_is_refused_with_a_403_status_and_not_recorded()
    {
        await using var silo = await IngestionSilo.StartAsync(DenyAll);

        var review = await ReviewAsync(silo, "admission-privileged-pod.json");

        Assert.Equal("admission.k8s.io/v1", review["apiVersion"]!.GetValue<string>());
        Assert.Equal("AdmissionReview", review["kind"]!.GetValue<string>());
        var response = review["response"]!;
        Assert.Equal("0d1c2b3a-7777-4e00-8e00-000000000001", response["uid"]!.GetValue<string>());
        Assert.False(response["allowed"]!.GetValue<bool>());
        Assert.Equal(403, response["status"]!["code"]!.GetValue<int>());
        var message = response["status"]!["message"]!.GetValue<string>();
        Assert.Contains("Pod shop/debug-node", message, StringComparison.Ordinal);
        Assert.Contains("privileged: container shell runs privileged", message, StringComparison.Ordinal);
        Assert.Contains("host-path: volume host mounts host path /", message, StringComparison.Ordinal);
        Assert.Contains("host-namespaces: the pod shares the node's PID namespace", message, StringComparison.Ordinal);
        Assert.Contains("image-tag:", message, StringComparison.Ordinal);
        // resource-limits stayed in audit mode: a warning, not a reason to refuse.
        Assert.Contains(response["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("vigil resource-limits:", StringComparison.Ordinal));
        Assert.Equal(0, await silo.StoredIngestedGrainsAsync());
    }

    [Fact]
    public async Task In_audit_mode_the_same_pod_is_allowed_with_a_warning_per_finding_and_recorded_with_its_posture()
    {
        await using var silo = await IngestionSilo.StartAsync();

        var response = (await ReviewAsync(silo, "admission-privileged-pod.json"))["response"]!;

        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["status"]);
        var warnings = response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        foreach (var policy in new[] { "privileged", "host-path", "host-namespaces", "run-as-root", "image-tag", "resource-limits" })
        {
            Assert.Contains(warnings, w => w.StartsWith($"vigil {policy}: ", StringComparison.Ordinal));
        }
        Assert.All(warnings, w => Assert.True(w.Length <= 120, w));
        var summary = await silo.Grains.GetGrain<IClusterGrain>("prod").GetSummaryAsync();
        Assert.Equal(1, summary.ObjectsByKind["Pod"]);
        Assert.Contains(summary.Findings, f => f.Check == "privileged-container" && f.Name == "debug-node");
    }

    [Fact]
    public async Task A_compliant_pod_is_allowed_without_warnings()
    {
        await using var silo = await IngestionSilo.StartAsync(DenyAll);

        var response = (await ReviewAsync(silo, "admission-compliant-pod.json"))["response"]!;

        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["warnings"]);
    }

    [Fact]
    public async Task A_deployment_template_is_judged_like_a_pod()
    {
        await using var silo = await IngestionSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Admission:Policies:added-capabilities:Mode"] = "deny",
            ["Admission:Policies:allowed-registries:Mode"] = "deny",
            ["Admission:AllowedRegistries:0"] = "registry.example",
        });

        var message = (await ReviewAsync(silo, "admission-deployment.json"))["response"]!["status"]!["message"]!.GetValue<string>();

        Assert.Contains("Deployment shop/metrics-agent", message, StringComparison.Ordinal);
        Assert.Contains("added-capabilities: container agent adds capabilities NET_ADMIN, SYS_PTRACE", message, StringComparison.Ordinal);
        Assert.Contains("allowed-registries: container agent pulls quay.io/acme/metrics-agent", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_is_answered_but_records_nothing()
    {
        await using var silo = await IngestionSilo.StartAsync();
        var review = JsonNode.Parse(Samples.Read("admission-privileged-pod.json"))!;
        review["request"]!["dryRun"] = true;

        var response = (await ReviewAsync(silo, Encoding.UTF8.GetBytes(review.ToJsonString())))["response"]!;

        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Equal(0, await silo.StoredIngestedGrainsAsync());
    }

    [Theory]
    [InlineData("{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v1\"", "not one JSON document")]
    [InlineData("[]", "not array")]
    [InlineData("{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v2\",\"request\":{}}", "apiVersion")]
    [InlineData("{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v1\"}", "no request")]
    [InlineData("{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"operation\":\"CREATE\"}}", "request.uid")]
    [InlineData("{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"resource\":{\"resource\":\"pods\"}}}", "carries no request.object")]
    [InlineData("{\"uid\":\"u\",\"operation\":\"CREATE\",\"object\":{}}", "bare AdmissionRequest")]
    public async Task A_malformed_review_gets_400_with_the_reason(string body, string reason)
    {
        await using var silo = await IngestionSilo.StartAsync();

        var response = await silo.PostAsync("api/v1/clusters/prod/admission", Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ResponseJson.ReadAsync(response);
        Assert.Equal("malformed-review", error.GetProperty("error").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await silo.StoredIngestedGrainsAsync());
    }

    [Fact]
    public async Task A_privileged_pod_in_kube_system_only_warns_even_in_deny_mode()
    {
        await using var silo = await IngestionSilo.StartAsync(DenyAll);
        var review = JsonNode.Parse(Samples.Read("admission-privileged-pod.json"))!;
        review["request"]!["namespace"] = "kube-system";

        var response = (await ReviewAsync(silo, Encoding.UTF8.GetBytes(review.ToJsonString())))["response"]!;

        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Contains(response["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("vigil privileged:", StringComparison.Ordinal));
    }

    private static Task<JsonNode> ReviewAsync(IngestionSilo silo, string sample) => ReviewAsync(silo, Samples.Read(sample));

    private static async Task<JsonNode> ReviewAsync(IngestionSilo silo, byte[] body)
    {
        var response = await silo.PostAsync("api/v1/clusters/prod/admission", body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
