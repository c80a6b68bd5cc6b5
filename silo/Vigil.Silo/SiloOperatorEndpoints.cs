using Vigil.Grains.Security;
using Vigil.Runtime;
using Vigil.Runtime.Clustering;
using Vigil.Silo.Ingestion;
using Vigil.Silo.Security;

namespace Vigil.Silo;

/// <summary>
/// The operators' view of the cluster: <c>GET /api/v1/silos</c> and <c>GET /api/v1/shards</c>. An embedded silo
/// (no PostgreSQL) reports itself as a cluster of one that owns every shard.
/// </summary>
public static class SiloOperatorEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/silos", async (HttpContext http, GrainRuntime runtime, SiloEndpoints endpoints, EventRateMeter events, CancellationToken cancellationToken) =>
        {
            var services = http.RequestServices;
            if (services.GetService<MembershipTable>() is not { } membership)
            {
                return Results.Json(new[]
                {
                    new SiloView("local", endpoints.Grpc, "Active", GrainId.ShardCount, runtime.ActivationCount, null, null, true, events.PerSecond, events.Total),
                });
            }

            var owned = await OwnedAsync(services.GetRequiredService<ShardLeaseTable>(), cancellationToken);
            var silos = await membership.ListAsync(cancellationToken);
            return Results.Json(silos.Select(s =>
            {
                var answering = s.SiloId == endpoints.SiloId;
                return new SiloView(
                    s.SiloId,
                    s.Address,
                    s.Status.ToString(),
                    owned.GetValueOrDefault((s.SiloId, s.Incarnation)),
                    s.Activations,
                    s.CallsPerSecond,
                    s.HeartbeatAt,
                    answering,
                    answering ? events.PerSecond : null,
                    answering ? events.Total : null);
            }));
        }).RequireToken(TokenRole.Viewer)
            .WithTags("Operations")
            .WithSummary("List the silos of the cluster and their load")
            .WithDescription("The answering silo also reports the events it accepted (eventsAccepted) and their rate over the last 10 s (eventsPerSecond); heartbeats do not carry those for the others.")
            .Produces<SiloView[]>();

        app.MapGet("/api/v1/shards", async (HttpContext http, CancellationToken cancellationToken) =>
        {
            if (http.RequestServices.GetService<ShardLeaseTable>() is not { } leases)
            {
                return Results.Json(Enumerable.Range(0, GrainId.ShardCount).Select(s => new ShardView(s, "local", null, null)));
            }

            var rows = await leases.ListAsync(cancellationToken);
            return Results.Json(rows.Select(r => new ShardView(r.Shard, r.OwnerSilo, r.Epoch, r.ExpiresAt == DateTimeOffset.MinValue ? null : r.ExpiresAt)));
        }).RequireToken(TokenRole.Viewer)
            .WithTags("Operations")
            .WithSummary("List the shards: owner, lease epoch and expiry")
            .Produces<ShardView[]>();
    }

    private static async Task<Dictionary<(string, long), int>> OwnedAsync(ShardLeaseTable leases, CancellationToken cancellationToken)
    {
        var now = await leases.DatabaseNowAsync(cancellationToken);
        return (await leases.ListAsync(cancellationToken))
            .Where(l => l.OwnerSilo is not null && l.ExpiresAt > now)
            .GroupBy(l => (l.OwnerSilo!, l.OwnerIncarnation ?? 0))
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
