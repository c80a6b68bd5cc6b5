using System.Text.Json;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Tests.Entities;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Grains.Tests.Inventory;

/// <summary>The cluster grain's inventory and posture, from discovery snapshots.</summary>
public sealed class ClusterInventoryTests
{
    [Fact]
    public async Task A_complete_snapshot_counts_objects_and_finds_their_weaknesses()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var cluster = silo.Grains.GetGrain<IClusterGrain>("prod");

        await cluster.ApplyInventoryAsync(Snapshot(complete: true, ["Pod", "Service", "ClusterRoleBinding"],
            Object("Pod", "shop", "web-0", """{"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}"""),
            Object("Pod", "ops", "debug", """{"spec":{"hostPID":true,"containers":[{"name":"d","image":"busybox","securityContext":{"privileged":true}}],"volumes":[{"name":"root","hostPath":{"path":"/"}}]}}"""),
            Object("Service", "kubernetes-dashboard", "kubernetes-dashboard", """{"spec":{"type":"LoadBalancer","ports":[{"port":443}]}}"""),
            Object("ClusterRoleBinding", "", "ci-admin", """{"roleRef":{"kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"ServiceAccount","name":"runner","namespace":"ci"}]}""")));

        var summary = await cluster.GetSummaryAsync();
        Assert.Equal("AKS", summary.Provider);
        Assert.Equal(new Dictionary<string, int> { ["Pod"] = 2, ["Service"] = 1, ["ClusterRoleBinding"] = 1 }, summary.ObjectsByKind);
        Assert.Equal(
            ["cluster-admin-binding ci-admin", "exposed-service kubernetes-dashboard", "host-path debug", "privileged-container debug", "host-namespaces debug"],
            summary.Findings.Select(f => $"{f.Check} {f.Name}"));
        Assert.DoesNotContain(summary.Findings, f => f.Name == "web-0");
    }

    [Fact]
    public async Task A_complete_snapshot_removes_what_is_gone_and_an_incremental_one_changes_one_object()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var cluster = silo.Grains.GetGrain<IClusterGrain>("prod");
        await cluster.ApplyInventoryAsync(Snapshot(true, ["Pod"], Object("Pod", "shop", "a", "{}"), Object("Pod", "shop", "b", "{}")));

        await cluster.ApplyInventoryAsync(Snapshot(true, ["Pod"], Object("Pod", "shop", "a", "{}")));
        await cluster.ApplyInventoryAsync(Snapshot(false, [],
            Object("Pod", "shop", "c", """{"spec":{"hostNetwork":true,"containers":[]}}"""),
            Object("Pod", "shop", "a", "{}", deleted: true)));

        var summary = await cluster.GetSummaryAsync();
        Assert.Equal(1, summary.ObjectsByKind["Pod"]);
        Assert.Equal("host-namespaces c", Assert.Single(summary.Findings).Check + " " + summary.Findings[0].Name);
    }

    [Fact]
    public async Task A_real_pod_list_yields_findings_for_its_privileged_and_host_path_pods()
    {
        var path = SharedFixtures.Require("inventory/honeycomb-podlist.json");
        using var list = JsonDocument.Parse(File.ReadAllBytes(path));
        var pods = list.RootElement.GetProperty("items").EnumerateArray().Select(item => Object(
            "Pod", item.GetProperty("metadata").GetProperty("namespace").GetString()!, item.GetProperty("metadata").GetProperty("name").GetString()!,
            item.GetRawText())).ToArray();
        await using var silo = await DetectionSilo.StartAsync();
        var cluster = silo.Grains.GetGrain<IClusterGrain>("lab");

        await cluster.ApplyInventoryAsync(Snapshot(true, ["Pod"], pods));

        var summary = await cluster.GetSummaryAsync();
        Assert.Equal(pods.Length, summary.ObjectsByKind["Pod"]);
        var privileged = pods.Count(p => p.Json.ToStringUtf8().Contains("\"privileged\":true", StringComparison.Ordinal));
        Assert.Equal(privileged, summary.Findings.Count(f => f.Check == "privileged-container"));
        Assert.Contains(summary.Findings, f => f.Check == "host-path");
    }

    private static InventorySnapshot Snapshot(bool complete, string[] kinds, params InventoryObject[] objects)
    {
        var snapshot = new InventorySnapshot { Cluster = "prod", Provider = "aks", Complete = complete, TakenUnixNano = 1_700_000_000_000_000_000 };
        snapshot.Kinds.AddRange(kinds);
        snapshot.Objects.AddRange(objects);
        return snapshot;
    }

    private static InventoryObject Object(string kind, string ns, string name, string json, bool deleted = false) => new()
    {
        Kind = kind,
        Namespace = ns,
        Name = name,
        Uid = $"{kind}-{name}",
        Json = ByteString.CopyFromUtf8(JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement)),
        Deleted = deleted,
    };
}
