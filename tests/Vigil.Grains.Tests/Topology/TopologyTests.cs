using Vigil.Grains.Tests.Entities;
using Vigil.Grains.Tests.Identities;
using Vigil.Grains.Topology;

namespace Vigil.Grains.Tests.Topology;

/// <summary>
/// Pods and service accounts announce themselves: a pod's name leads to its grain, and a cluster lists its
/// namespaces and nodes. The announcements are one way, so each query waits for them as the grains' queues order them.
/// </summary>
public sealed class TopologyTests
{
    [Fact]
    public async Task A_pod_and_an_account_are_found_by_name_and_their_cluster_lists_namespace_and_node()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var web = new PodEvents(silo.Clock);
        await silo.Pod(web).ObserveAsync(WebShell.Sequence(web));
        var account = AuditEvents.ServiceAccount(silo.Clock, "shop", "storefront");
        await silo.Audit.DispatchAsync("prod", [account.Request("get", "configmaps", "shop", "settings")]);

        var shop = silo.Grains.GetGrain<INamespaceGrain>("prod/shop");
        var pod = await shop.FindPodAsync(web.Name);
        Assert.Equal((web.Uid, "node-1"), (pod!.Uid, pod.Node));
        Assert.Equal(["storefront"], (await shop.GetAsync()).ServiceAccounts);
        var directory = await silo.Grains.GetGrain<IClusterDirectoryGrain>("prod").GetAsync();
        Assert.Equal(["shop"], directory.Namespaces);
        Assert.Equal(["node-1"], directory.Nodes);
        Assert.Contains("prod", (await silo.Grains.GetGrain<IClustersGrain>(IClustersGrain.Key).ListAsync()).Keys);
    }

    [Fact]
    public async Task A_replacement_pod_that_reuses_the_name_points_the_name_at_its_own_grain()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var shop = silo.Grains.GetGrain<INamespaceGrain>("prod/shop");
        var now = silo.Clock.GetUtcNow();

        await shop.NotePodAsync(new PodSighting("db-0", "uid-old", "node-1", now));
        await shop.NotePodAsync(new PodSighting("db-0", "uid-new", "node-2", now.AddMinutes(1)));

        var pod = await shop.FindPodAsync("db-0");
        Assert.Equal(("uid-new", "node-2", now.AddMinutes(1)), (pod!.Uid, pod.Node, pod.FirstSeen));
        Assert.Equal(["node-1", "node-2"], (await silo.Grains.GetGrain<IClusterDirectoryGrain>("prod").GetAsync()).Nodes);
        Assert.Null(await shop.FindPodAsync("db-1"));
    }
}
