using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Grains.Security;
using Vigil.Grains.Topology;
using Vigil.Runtime;
using Vigil.Silo.OpenApi;
using Vigil.Silo.Security;

namespace Vigil.Silo.Api.Entities;

/// <summary>
/// Entity details read from the grains: clusters, nodes, namespaces, pods (found by name through their namespace)
/// and service accounts, each with its alerts. Viewer tokens read; a token scoped to a cluster reads only it.
/// </summary>
public static class EntityEndpoints
{
    public static void Map(WebApplication app)
    {
        // A token scoped to one cluster lists that cluster alone.
        app.MapGet("/api/v1/clusters", ListClustersAsync).RequireToken(TokenRole.Viewer, clusterRouteParameter: null, anyCluster: true)
            .WithTags("Entities").WithSummary("List the clusters seen, with their alert counts").Produces<ClusterListItem[]>();
        var cluster = app.MapGroup("/api/v1/clusters/{cluster}").RequireToken(TokenRole.Viewer).WithTags("Entities");
        Found<ClusterDetail>(cluster.MapGet("", ClusterAsync), "Get a cluster: its summary, namespaces and nodes");
        Found<NodeDetail>(cluster.MapGet("/nodes/{node}", NodeAsync), "Get a node's profile and alerts");
        Found<NamespaceView>(cluster.MapGet("/namespaces/{ns}", NamespaceAsync), "Get a namespace: its pods and service accounts");
        Found<PodDetail>(cluster.MapGet("/namespaces/{ns}/pods/{pod}", PodAsync), "Get a pod by name: its profile and alerts");
        Found<ServiceAccountDetail>(cluster.MapGet("/namespaces/{ns}/serviceaccounts/{sa}", ServiceAccountAsync), "Get a service account's activity and alerts");
    }

    /// <summary>Every entity answers its detail, 400 for a name Kubernetes would refuse, 404 when nothing was seen of it.</summary>
    private static void Found<T>(RouteHandlerBuilder endpoint, string summary)
    {
        endpoint.WithSummary(summary).Produces<T>().ProducesApiError(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListClustersAsync(HttpContext http, IGrainFactory grains)
    {
        var scope = http.GetTokenPrincipal()?.Cluster;
        var known = await grains.GetGrain<IClustersGrain>(IClustersGrain.Key).ListAsync();
        var items = await Task.WhenAll(known.Where(c => scope is null || c.Key == scope).OrderBy(c => c.Key, StringComparer.Ordinal).Select(async c =>
        {
            var overview = await grains.GetGrain<IClusterGrain>(EntityKeys.Cluster(c.Key)).GetOverviewAsync();
            return new ClusterListItem(c.Key, c.Value, overview.Provider, overview.Alerts);
        }));
        return Json(items);
    }

    private static async Task<IResult> ClusterAsync(string cluster, IGrainFactory grains)
    {
        if (EntityNames.Problem(cluster) is { } problem)
        {
            return problem;
        }
        var directory = await grains.GetGrain<IClusterDirectoryGrain>(cluster).GetAsync();
        var summary = await grains.GetGrain<IClusterGrain>(EntityKeys.Cluster(cluster)).GetSummaryAsync();
        if (directory.Namespaces.Count == 0 && directory.Nodes.Count == 0 && summary.InventoryTakenAt is null && summary.Alerts.Total == 0)
        {
            return EntityNames.NotFound($"no cluster '{cluster}' has sent anything");
        }
        return Json(new ClusterDetail(summary, directory.Namespaces, directory.Nodes));
    }

    private static async Task<IResult> NodeAsync(string cluster, string node, IGrainFactory grains)
    {
        if (EntityNames.Problem(cluster, ("node", node)) is { } problem)
        {
            return problem;
        }
        var grain = grains.GetGrain<INodeGrain>(EntityKeys.Node(cluster, node));
        var profile = await grain.GetProfileAsync();
        if (profile.Node.Length == 0 && profile.Pods == 0)
        {
            return EntityNames.NotFound($"no node '{node}' in cluster '{cluster}'");
        }
        return Json(new NodeDetail(profile, await grain.GetAlertsAsync(null)));
    }

    private static async Task<IResult> NamespaceAsync(string cluster, string ns, IGrainFactory grains)
    {
        if (EntityNames.Problem(cluster, ("namespace", ns)) is { } problem)
        {
            return problem;
        }
        var view = await grains.GetGrain<INamespaceGrain>($"{cluster}/{ns}").GetAsync();
        return view.Pods.Count == 0 && view.ServiceAccounts.Count == 0
            ? EntityNames.NotFound($"nothing seen in namespace '{ns}' of cluster '{cluster}'")
            : Json(view);
    }

    private static async Task<IResult> PodAsync(string cluster, string ns, string pod, IGrainFactory grains)
    {
        if (EntityNames.Problem(cluster, ("namespace", ns), ("pod", pod)) is { } problem)
        {
            return problem;
        }
        if (await grains.GetGrain<INamespaceGrain>($"{cluster}/{ns}").FindPodAsync(pod) is not { } entry)
        {
            return EntityNames.NotFound($"no pod '{pod}' in namespace '{ns}' of cluster '{cluster}'");
        }
        var grain = grains.GetGrain<IPodGrain>(EntityKeys.Pod(cluster, ns, entry.Uid));
        return Json(new PodDetail(
            entry.Uid, entry.FirstSeen, entry.LastSeen, await grain.GetProfileAsync(), await grain.GetProcessesAsync(), await grain.GetAlertsAsync(null)));
    }

    private static async Task<IResult> ServiceAccountAsync(string cluster, string ns, string sa, IGrainFactory grains)
    {
        if (EntityNames.Problem(cluster, ("namespace", ns), ("service account", sa)) is { } problem)
        {
            return problem;
        }
        var grain = grains.GetGrain<IServiceAccountGrain>(IdentityRef.Parse(cluster, $"{IdentityRef.ServiceAccountPrefix}{ns}:{sa}").Key);
        var activity = await grain.GetActivityAsync();
        return activity.Requests == 0 && activity.Username.Length == 0
            ? EntityNames.NotFound($"no requests seen from service account '{ns}/{sa}' in cluster '{cluster}'")
            : Json(new ServiceAccountDetail(activity, await grain.GetAlertsAsync(null)));
    }

    private static IResult Json<T>(T value) => Results.Json(value, EntityJson.Options);
}
