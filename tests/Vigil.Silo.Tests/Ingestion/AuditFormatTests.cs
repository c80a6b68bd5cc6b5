using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Silo.Tests.Ingestion.Support;

namespace Vigil.Silo.Tests.Ingestion;

/// <summary>Every audit shape the endpoint takes, from this repository's own samples: counts, grains, provider.</summary>
public sealed class AuditFormatTests : IAsyncLifetime
{
    private IngestionSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await IngestionSilo.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task Log_backend_lines_are_filed_under_their_identities()
    {
        var result = await AcceptedAsync("prod", Samples.Read("native-log.jsonl"), "native", records: 3, accepted: 3);

        Assert.Equal(0, result.GetProperty("skipped").GetInt32());
        Assert.Equal(2, (await User("prod", "jane@example.com").GetActivityAsync()).Requests);
        Assert.Equal(1, (await _silo.Grains.GetGrain<IServiceAccountGrain>("prod/shop/storefront").GetActivityAsync()).Requests);
        Assert.Empty((await Cluster("prod").GetSummaryAsync()).Provider);
    }

    [Fact]
    public async Task A_webhook_event_list_is_read_item_by_item()
    {
        await AcceptedAsync("prod", Samples.Read("webhook-eventlist.json"), "native", records: 2, accepted: 2);

        Assert.Equal(2, (await User("prod", "jane@example.com").GetActivityAsync()).Requests);
    }

    [Fact]
    public async Task An_aks_event_hub_body_takes_the_audit_record_reports_the_klog_line_and_names_the_provider()
    {
        var result = await AcceptedAsync("aks-shop", Samples.Read("aks-eventhub.json"), "aks", records: 2, accepted: 1);

        var skipped = Assert.Single(result.GetProperty("skippedRecords").EnumerateArray());
        Assert.Contains("kube-apiserver", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await User("aks-shop", "masterclient").GetActivityAsync()).Requests);
        Assert.Equal("AKS", (await Cluster("aks-shop").GetSummaryAsync()).Provider);
    }

    [Fact]
    public async Task An_eks_subscription_export_is_taken_as_gzip_and_as_a_lambda_payload()
    {
        var envelope = Samples.Read("eks-subscription.json");
        var gzip = Gzip(envelope);
        var lambda = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { awslogs = new { data = Convert.ToBase64String(gzip) } }));

        await AcceptedAsync("eks-a", gzip, "eks", records: 2, accepted: 2, contentType: "application/octet-stream");
        await AcceptedAsync("eks-b", lambda, "eks", records: 2, accepted: 2);

        Assert.Equal(2, (await User("eks-a", "arn:aws:sts::111122223333:assumed-role/ops/jane").GetActivityAsync()).Requests);
        Assert.Equal("EKS", (await Cluster("eks-a").GetSummaryAsync()).Provider);
        Assert.Equal("EKS", (await Cluster("eks-b").GetSummaryAsync()).Provider);
    }

    [Fact]
    public async Task Eks_filter_log_events_items_are_read_and_other_streams_reported()
    {
        var result = await AcceptedAsync("eks-c", Samples.Read("eks-filterlogevents.json"), "eks", records: 2, accepted: 1);

        Assert.Contains("authenticator", Assert.Single(result.GetProperty("skippedRecords").EnumerateArray()).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gke_entries_are_read_and_other_google_services_reported()
    {
        var result = await AcceptedAsync("gke-shop", Samples.Read("gke-entries.jsonl"), "gke", records: 2, accepted: 1);

        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
        Assert.Equal(1, (await User("gke-shop", "jane@example.com").GetActivityAsync()).Requests);
        Assert.Equal("GKE", (await Cluster("gke-shop").GetSummaryAsync()).Provider);
    }

    [Theory]
    [InlineData("aks-eventhub.json", "aks")]
    [InlineData("gke-entries.jsonl", "GKE")]
    [InlineData("native-log.jsonl", "Native")]
    public async Task A_format_named_in_the_query_is_insisted_on(string sample, string format)
    {
        var response = await _silo.PostAsync($"api/v1/clusters/prod/audit?format={format}", Samples.Read(sample));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format.ToLowerInvariant(), (await ResponseJson.ReadAsync(response)).GetProperty("format").GetString());
    }

    [Fact]
    public async Task Records_of_another_shape_than_the_named_format_are_refused()
    {
        var response = await _silo.PostAsync("api/v1/clusters/prod/audit?format=gke", Samples.Read("native-log.jsonl"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ResponseJson.ReadAsync(response);
        Assert.Equal("invalid-records", error.GetProperty("error").GetString());
        Assert.Contains("format Gke was requested", error.GetProperty("failures")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    [Fact]
    public async Task Repeats_of_an_audit_id_and_stage_are_dropped_within_a_request_and_across_requests()
    {
        var line = File.ReadLines(Samples.Path("native-log.jsonl")).First();
        var twice = Encoding.UTF8.GetBytes(line + "\n" + line + "\n");

        var first = await AcceptedAsync("prod", twice, "native", records: 2, accepted: 1);
        var again = await AcceptedAsync("prod", twice, "native", records: 2, accepted: 1);

        Assert.Equal(1, first.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        // The second request's survivor is a record the identity grain already holds, so it changes nothing.
        Assert.Equal(1, (await User("prod", "jane@example.com").GetActivityAsync()).Requests);
    }

    [Fact]
    public async Task A_dry_run_counts_and_dispatches_nothing()
    {
        var result = await AcceptedAsync("prod", Samples.Read("native-log.jsonl"), "native", records: 3, accepted: 3, query: "?dryRun=true");

        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, await _silo.StoredIngestedGrainsAsync());
    }

    private async Task<JsonElement> AcceptedAsync(
        string cluster, byte[] body, string format, int records, int accepted, string contentType = "application/json", string query = "")
    {
        var response = await _silo.PostAsync($"api/v1/clusters/{cluster}/audit{query}", body, contentType);
        var result = await ResponseJson.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal(cluster, result.GetProperty("cluster").GetString());
        Assert.Equal(format, result.GetProperty("format").GetString());
        Assert.Equal(records, result.GetProperty("records").GetInt32());
        Assert.Equal(accepted, result.GetProperty("accepted").GetInt32());
        Assert.Equal(records, accepted + result.GetProperty("duplicates").GetInt32() + result.GetProperty("skipped").GetInt32());
        return result;
    }

    private IUserGrain User(string cluster, string username) => _silo.Grains.GetGrain<IUserGrain>($"{cluster}/{username}");

    private IClusterGrain Cluster(string cluster) => _silo.Grains.GetGrain<IClusterGrain>(cluster);

    private static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(plain);
        }
        return output.ToArray();
    }
}
