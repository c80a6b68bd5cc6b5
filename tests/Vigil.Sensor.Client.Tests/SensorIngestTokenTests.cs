using System.Reflection;
using Vigil.Grains.Entities;
using Vigil.Grains.Security;
using Vigil.Grpc;
using Vigil.Runtime;
using Vigil.Scenarios;
using Vigil.Silo.Security;

namespace Vigil.Sensor.Client.Tests;

/// <summary>
/// The stream needs an ingest token for its hello's cluster: without one, or with one that is unknown, revoked, of
/// another role or scoped to another cluster, the call ends with UNAUTHENTICATED or PERMISSION_DENIED, is never
/// welcomed, and applies nothing.
/// </summary>
public sealed class SensorIngestTokenTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly string PodType = typeof(IPodGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stream_without_a_token_is_unauthenticated_before_its_hello_and_stores_nothing()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var trace = AttackScenarios.WebShellOnly("a", DateTimeOffset.UtcNow);

        var (status, detail, replies) = await new RawSensorCall()
            .Message(SensorBatches.Message(SensorBatches.Hello("a")))
            .Message(SensorBatches.Message(SensorBatches.Batch(1, SensorBatches.Of(trace, 100)[0])))
            .SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.Unauthenticated, status);
        Assert.Contains("needs an ingest token", detail, StringComparison.Ordinal);
        Assert.Contains("authorization: Bearer", detail, StringComparison.Ordinal);
        Assert.Empty(replies);
        Assert.Equal(0, storage.Writes);
        Assert.Null(await StoredPodAsync(storage, trace));
    }

    [Fact]
    public async Task A_client_without_a_token_faults_with_unauthenticated_for_its_waiters_and_senders()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var trace = AttackScenarios.WebShellOnly("a", DateTimeOffset.UtcNow);
        await using var client = host.ClientWithToken("a", token: null);

        var sequence = await client.SendAsync(SensorBatches.Of(trace, 100)[0], Ct);
        var failure = await Assert.ThrowsAsync<RpcException>(() => client.WaitForAcknowledgedAsync(sequence, Ct).WaitAsync(Patience, Ct));
        var sending = await Assert.ThrowsAsync<RpcException>(async () => await client.SendAsync(SensorBatches.Of(trace, 100)[0], Ct));

        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains("needs an ingest token", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, sending.StatusCode);
        Assert.Equal(0, client.Connections);
        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task An_unknown_token_is_unauthenticated()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);

        var (status, detail, replies) = await ClusterCall("a", BearerTokens.Create()).SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.Unauthenticated, status);
        Assert.Contains("unknown or revoked", detail, StringComparison.Ordinal);
        Assert.Empty(replies);
        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task A_revoked_token_is_unauthenticated_though_it_worked_before()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var (id, token) = await host.CreateTokenAsync(TokenRole.Ingest, "a");
        var (before, _, _) = await ClusterCall("a", token).SendAsync(host.Address, Ct);

        await host.RevokeTokenAsync(id);
        var (after, detail, replies) = await ClusterCall("a", token, scenario: "crypto").SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.OK, before);
        Assert.Equal(StatusCode.Unauthenticated, after);
        Assert.Contains("unknown or revoked", detail, StringComparison.Ordinal);
        Assert.Empty(replies);
        Assert.Null(await StoredPodAsync(storage, AttackScenarios.Build("crypto", "a", DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task A_viewer_token_is_permission_denied_after_its_hello_and_stores_nothing()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var (_, viewer) = await host.CreateTokenAsync(TokenRole.Viewer, cluster: null);

        var (status, detail, replies) = await ClusterCall("a", viewer).SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.PermissionDenied, status);
        Assert.Contains("role is viewer", detail, StringComparison.Ordinal);
        Assert.Empty(replies);
        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task An_ingest_token_scoped_to_one_cluster_is_permission_denied_for_another_and_stores_nothing()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var (_, scoped) = await host.CreateTokenAsync(TokenRole.Ingest, "a");
        var trace = AttackScenarios.WebShellOnly("b", DateTimeOffset.UtcNow);

        var (status, detail, replies) = await ClusterCall("b", scoped).SendAsync(host.Address, Ct);
        await using var client = host.ClientWithToken("b", scoped);
        var sequence = await client.SendAsync(SensorBatches.Of(trace, 100)[0], Ct);
        var failure = await Assert.ThrowsAsync<RpcException>(() => client.WaitForAcknowledgedAsync(sequence, Ct).WaitAsync(Patience, Ct));

        Assert.Equal(StatusCode.PermissionDenied, status);
        Assert.Contains("scoped to cluster 'a', not 'b'", detail, StringComparison.Ordinal);
        Assert.Empty(replies);
        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        Assert.Equal(0, client.Connections);
        Assert.Equal(0, storage.Writes);
        Assert.Null(await StoredPodAsync(storage, trace));
    }

    [Fact]
    public async Task An_ingest_token_scoped_to_a_cluster_streams_for_that_cluster()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var (_, scoped) = await host.CreateTokenAsync(TokenRole.Ingest, "a");
        var trace = AttackScenarios.WebShellOnly("a", DateTimeOffset.UtcNow);
        await using var client = host.ClientWithToken("a", scoped);

        var sequence = await client.SendAsync(SensorBatches.Of(trace, 100)[0], Ct);
        await client.WaitForAcknowledgedAsync(sequence, Ct).WaitAsync(Patience, Ct);

        Assert.Equal(1, client.Connections);
        Assert.NotNull(await StoredPodAsync(storage, trace));
        Assert.NotEmpty(await host.PodAlertsAsync(SensorBatches.PodKey(trace)));
    }

    [Fact]
    public async Task A_token_revoked_while_its_stream_is_open_ends_the_stream_and_the_refused_batch_is_not_applied()
    {
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);
        var (id, token) = await host.CreateTokenAsync(TokenRole.Ingest, "a");
        var start = DateTimeOffset.UtcNow;
        // One scenario per batch: each lands on its own pod, so what a refused batch would have stored is visible.
        var traces = AttackScenarios.Names.Select(n => AttackScenarios.Build(n, "a", start)).ToArray();
        await using var client = host.ClientWithToken("a", token);
        await client.WaitForAcknowledgedAsync(await client.SendAsync(SensorBatches.Of(traces[0], 1000)[0], Ct), Ct).WaitAsync(Patience, Ct);

        await host.RevokeTokenAsync(id);
        RpcException? failure = null;
        var refused = -1;
        // The stream re-checks its token without waiting for the registry, so a batch may pass while the check runs.
        for (var i = 1; i < traces.Length && failure is null; i++)
        {
            var sequence = await client.SendAsync(SensorBatches.Of(traces[i], 1000)[0], Ct);
            try
            {
                await client.WaitForAcknowledgedAsync(sequence, Ct).WaitAsync(Patience, Ct);
            }
            catch (RpcException ex)
            {
                failure = ex;
                refused = i;
            }
        }

        Assert.NotNull(failure);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains("revoked", failure.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await StoredPodAsync(storage, traces[0]));
        Assert.Null(await StoredPodAsync(storage, traces[refused]));
    }

    /// <summary>A hello for <paramref name="cluster"/> and one batch of a scenario in it, presenting <paramref name="token"/>.</summary>
    private static RawSensorCall ClusterCall(string cluster, string token, string scenario = "webshell")
    {
        var trace = AttackScenarios.Build(scenario, cluster, DateTimeOffset.UtcNow);
        return new RawSensorCall()
            .Bearer(token)
            .Message(SensorBatches.Message(SensorBatches.Hello(cluster, incarnation: Guid.NewGuid().ToString("N"))))
            .Message(SensorBatches.Message(SensorBatches.Batch(1, SensorBatches.Of(trace, 1000)[0])));
    }

    private static Task<StoredState?> StoredPodAsync(GatedStorage storage, ScenarioTrace trace) =>
        storage.Inner.ReadAsync(new GrainId(PodType, SensorBatches.PodKey(trace)), CancellationToken.None);
}
