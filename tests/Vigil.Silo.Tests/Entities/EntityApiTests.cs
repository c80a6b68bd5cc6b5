using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Scenarios;
using Vigil.Silo.Tests.Alerts;

namespace Vigil.Silo.Tests.Entities;

/// <summary>The entity endpoints read clusters, nodes, namespaces, pods (by name) and service accounts from the grains.</summary>
public sealed class EntityApiTests
{
    [Fact]
    public async Task After_a_scenario_its_cluster_node_namespace_pod_and_account_are_served_with_their_alerts()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var trace = AttackScenarios.Secrets("lab", DateTimeOffset.UtcNow);
        await silo.App.Services.GetRequiredService<RuntimeDispatcher>().DispatchAsync("lab", trace.Runtime);
        await silo.App.Services.GetRequiredService<AuditDispatcher>().DispatchAsync("lab", trace.Audit);
        var pod = trace.Pod;
        silo.Authorize(await silo.CreateTokenAsync("viewer"));

        // The namespace is asked first: announcements are one way, and its queue orders them before the question.
        var detail = await GetAsync(silo, $"api/v1/clusters/lab/namespaces/shop/pods/{pod.Name}");
        Assert.Equal(pod.Uid, detail.GetProperty("uid").GetString());
        Assert.Equal(pod.Node, detail.GetProperty("profile").GetProperty("node").GetString());
        // The tree as the pod's own execs built it: the shell the web server spawned is the parent of what it ran.
        var processes = detail.GetProperty("processes").EnumerateArray().ToList();
        var cat = Assert.Single(processes, p => p.GetProperty("binary").GetString() == "/bin/cat");
        var parent = Assert.Single(processes, p => p.GetProperty("pid").GetUInt32() == cat.GetProperty("ppid").GetUInt32());
        Assert.Equal("/bin/sh", parent.GetProperty("binary").GetString());
        var titles = detail.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains(AttackScenarios.WebShellTitle, titles);
        Assert.Contains(detail.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("severity").GetString() == "high");

        var clusters = await GetAsync(silo, "api/v1/clusters");
        Assert.Contains(clusters.EnumerateArray(), c => c.GetProperty("name").GetString() == "lab");
        var cluster = await GetAsync(silo, "api/v1/clusters/lab");
        Assert.Equal(["shop"], cluster.GetProperty("namespaces").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal([pod.Node], cluster.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        Assert.True(cluster.GetProperty("summary").GetProperty("alerts").GetProperty("high").GetInt32() >= 1);

        var account = await GetAsync(silo, $"api/v1/clusters/lab/namespaces/shop/serviceaccounts/{pod.ServiceAccount}");
        Assert.Equal("serviceAccount", account.GetProperty("activity").GetProperty("kind").GetString());
        Assert.Contains(account.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("title").GetString() == AttackScenarios.SecretReconTitle);

        var node = await GetAsync(silo, $"api/v1/clusters/lab/nodes/{pod.Node}");
        Assert.True(node.GetProperty("profile").GetProperty("alerts").GetProperty("high").GetInt32() >= 1);
        var ns = await GetAsync(silo, "api/v1/clusters/lab/namespaces/shop");
        Assert.Equal(pod.Name, Assert.Single(ns.GetProperty("pods").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("api/v1/clusters/lab/namespaces/shop/pods/no-such-pod", HttpStatusCode.NotFound)]
    [InlineData("api/v1/clusters/lab/namespaces/shop/serviceaccounts/nobody", HttpStatusCode.NotFound)]
    [InlineData("api/v1/clusters/never-seen", HttpStatusCode.NotFound)]
    [InlineData("api/v1/clusters/lab/nodes/%20bad%01", HttpStatusCode.BadRequest)]
    [InlineData("api/v1/clusters/-bad-cluster", HttpStatusCode.BadRequest)]
    public async Task Unknown_entities_are_404_and_bad_names_400(string path, HttpStatusCode expected)
    {
        await using var silo = await AlertTestSilo.StartAsync();

        using var response = await silo.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task A_token_scoped_to_one_cluster_lists_that_cluster_alone()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        var audit = silo.App.Services.GetRequiredService<AuditDispatcher>();
        await audit.DispatchAsync("lab", AttackScenarios.Recon("lab", DateTimeOffset.UtcNow).Audit);
        await audit.DispatchAsync("prod", AttackScenarios.Recon("prod", DateTimeOffset.UtcNow).Audit);

        silo.Authorize(await silo.CreateTokenAsync("viewer", cluster: "lab"));
        var scoped = await GetAsync(silo, "api/v1/clusters");
        silo.Authorize(await silo.CreateTokenAsync("viewer"));
        var all = await GetAsync(silo, "api/v1/clusters");

        Assert.Equal(["lab"], scoped.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["lab", "prod"], all.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_token_scoped_to_another_cluster_or_no_token_is_refused()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        await silo.App.Services.GetRequiredService<AuditDispatcher>().DispatchAsync(
            "lab", AttackScenarios.Recon("lab", DateTimeOffset.UtcNow).Audit);

        silo.Authorize(await silo.CreateTokenAsync("viewer", cluster: "other"));
        using var scoped = await silo.Http.GetAsync("api/v1/clusters/lab", TestContext.Current.CancellationToken);
        silo.Authorize(null);
        using var anonymous = await silo.Http.GetAsync("api/v1/clusters/lab", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, scoped.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, (await silo.Grains.GetGrain<IServiceAccountGrain>("lab/shop/storefront").GetActivityAsync()).Requests);
    }

    private static async Task<JsonElement> GetAsync(AlertTestSilo silo, string path)
    {
        using var response = await silo.Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
