using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Ingestion.Tests.Support;
using Vigil.Silo.Tests.Ingestion.Support;

namespace Vigil.Silo.Tests.Ingestion;

/// <summary>
/// Every file under ../shared/fixtures/audit and ../shared/fixtures/admission, posted as is: audit records are
/// accepted, anything else is refused with the reason. One test per format; skipped where ../shared is absent.
/// </summary>
public sealed class SharedFixtureTests : IAsyncLifetime
{
    private IngestionSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await IngestionSilo.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task Native_logs_audit2rbac_and_every_falco_trace_are_accepted()
    {
        var folder = SharedFixtures.Require("audit/k8s");
        var files = Directory.GetFiles(folder, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(47, files.Count);
        foreach (var file in files)
        {
            var result = await AcceptedAsync(file, "native");
            Assert.Equal(0, result["skipped"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData("gke", "gke", 6)]
    [InlineData("aks", "aks", 6)]
    public async Task A_cloud_export_is_accepted_with_its_non_audit_records_reported(string cloud, string format, int skipped)
    {
        var result = await AcceptedAsync(SharedFixtures.Require($"audit/{cloud}/panther-analysis-tests.jsonl"), format);

        Assert.Equal(skipped, result["skipped"]!.GetValue<int>());
        Assert.Equal(result["records"]!.GetValue<int>(), result["accepted"]!.GetValue<int>() + result["duplicates"]!.GetValue<int>() + skipped);
    }

    /// <summary>
    /// Two of Panther's EKS cases are fragments (an <c>operation</c> and enrichment keys, no Event fields), so the
    /// file is refused whole, naming them; without them every record is accepted.
    /// </summary>
    [Fact]
    public async Task The_eks_export_is_refused_for_its_two_fragments_and_accepted_without_them()
    {
        var path = SharedFixtures.Require("audit/eks/panther-analysis-tests.jsonl");
        var response = await _silo.PostAsync("api/v1/clusters/fixtures/audit", File.ReadAllBytes(path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ResponseJson.ReadAsync(response);
        Assert.Equal([21, 22], error.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("line").GetInt32()));
        Assert.All(error.GetProperty("failures").EnumerateArray(), f => Assert.StartsWith("not an audit record", f.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());

        var lines = File.ReadAllLines(path);
        var kept = Encoding.UTF8.GetBytes(string.Join("\n", lines.Where((_, i) => i is not (20 or 21))) + "\n");
        var accepted = await _silo.PostAsync("api/v1/clusters/fixtures/audit", kept);
        var result = await ResponseJson.ReadAsync(accepted);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal(188, result.GetProperty("records").GetInt32());
        Assert.Equal(0, result.GetProperty("skipped").GetInt32());
    }

    [Theory]
    [InlineData("audit/aks/panther-analysis-tests.labels.jsonl")]
    [InlineData("audit/eks/panther-analysis-tests.labels.jsonl")]
    [InlineData("audit/gke/panther-analysis-tests.labels.jsonl")]
    [InlineData("admission/kube-audit-rest-admissionreviews.jsonl")]
    [InlineData("admission/kubewarden-pod-privileged-privileged_container.request.json")]
    public async Task Files_that_hold_no_audit_records_are_refused_with_the_reason(string relative)
    {
        var response = await _silo.PostAsync("api/v1/clusters/prod/audit", File.ReadAllBytes(SharedFixtures.Require(relative)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ResponseJson.ReadAsync(response);
        Assert.Contains("not an audit record", error.GetProperty("failures")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    [Fact]
    public async Task Every_kube_audit_rest_review_is_answered_allowed_with_its_uid()
    {
        var lines = File.ReadAllLines(SharedFixtures.Require("admission/kube-audit-rest-admissionreviews.jsonl")).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(59, lines.Count);
        foreach (var line in lines)
        {
            var uid = JsonNode.Parse(line)!["request"]!["uid"]!.GetValue<string>();
            var response = (await ReviewAsync(Encoding.UTF8.GetBytes(line)))["response"]!;
            Assert.Equal(uid, response["uid"]!.GetValue<string>());
            Assert.True(response["allowed"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("kubewarden-pod-privileged-privileged_container.request.json", true)]
    [InlineData("kubewarden-pod-privileged-privileged_init_container.request.json", true)]
    [InlineData("kubewarden-pod-privileged-privileged_ephemeral_container.request.json", true)]
    [InlineData("kubewarden-pod-privileged-no_privileged_containers.request.json", false)]
    public async Task A_bare_kubewarden_request_is_refused_as_such_and_wrapped_is_judged(string file, bool privileged)
    {
        var bare = File.ReadAllBytes(SharedFixtures.Require($"admission/{file}"));
        var refused = await _silo.PostAsync("api/v1/clusters/prod/admission", bare);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("bare AdmissionRequest", (await ResponseJson.ReadAsync(refused)).GetProperty("message").GetString(), StringComparison.Ordinal);

        var review = new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = JsonNode.Parse(bare) };
        var response = (await ReviewAsync(Encoding.UTF8.GetBytes(review.ToJsonString())))["response"]!;

        // Audit mode by default: admitted, with the privileged container named in a warning.
        Assert.True(response["allowed"]!.GetValue<bool>());
        var warnings = response["warnings"]?.AsArray().Select(w => w!.GetValue<string>()).ToList() ?? [];
        Assert.Equal(privileged, warnings.Any(w => w.StartsWith("vigil privileged:", StringComparison.Ordinal)));
    }

    private async Task<JsonNode> AcceptedAsync(string file, string format)
    {
        var response = await _silo.PostAsync("api/v1/clusters/fixtures/audit", File.ReadAllBytes(file));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path.GetFileName(file)}: {text}");
        var result = JsonNode.Parse(text)!;
        Assert.Equal(format, result["format"]!.GetValue<string>());
        Assert.True(result["accepted"]!.GetValue<int>() > 0, $"{Path.GetFileName(file)}: {text}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(file)}: {result["records"]} records, {result["accepted"]} accepted, {result["duplicates"]} duplicates, {result["skipped"]} skipped");
        return result;
    }

    private async Task<JsonNode> ReviewAsync(byte[] body)
    {
        var response = await _silo.PostAsync("api/v1/clusters/prod/admission", body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
