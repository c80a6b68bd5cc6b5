using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Runtime.Clustering;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// The control endpoints of a test silo: its lease view, and calls or load run from this silo (so a test can make
/// silo A call grains that silo B owns). An unknown operation is a 400 that names the known ones.
/// </summary>
public static class TestSiloEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/control/status", (ShardLeaseManager manager, GrainRuntime runtime) => new TestSiloStatus(
            manager.SiloId,
            manager.Incarnation,
            manager.IsServing,
            manager.Held.Select(h => new HeldShard(h.Key, h.Value)).OrderBy(h => h.Shard).ToArray(),
            runtime.ActivationCount,
            runtime.CallCount));
        app.MapPost("/control/call", (CallRequest request, LoadRunner runner, CancellationToken cancellationToken) =>
            Run(() => runner.CallAsync(request, cancellationToken)));
        app.MapPost("/control/load", (LoadRequest request, LoadRunner runner, CancellationToken cancellationToken) =>
            Run(() => runner.LoadAsync(request, cancellationToken)));
        app.MapPost("/control/load/stop", (LoadRunner runner) =>
        {
            runner.StopLoads();
            return Results.NoContent();
        });
        app.MapPost("/control/load/mark", (LoadRunner runner) =>
        {
            runner.Mark();
            return Results.NoContent();
        });
        app.MapPost("/control/probe", (ProbeRequest request, LoadRunner runner, CancellationToken cancellationToken) =>
            Run(() => runner.ProbeAsync(request, cancellationToken)));
    }

    private static async Task<IResult> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return Results.Json(await action().ConfigureAwait(false));
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(ex.Message);
        }
    }
}
