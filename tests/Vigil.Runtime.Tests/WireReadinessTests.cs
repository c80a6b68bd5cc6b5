using System.Text.Json;
using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests;

/// <summary>Grain references and calls are plain data, so a later runtime can carry them between silos.</summary>
public sealed class WireReadinessTests
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true, IgnoreReadOnlyProperties = true };

    [Fact]
    public void A_grain_id_round_trips_and_keeps_its_shard()
    {
        var id = new GrainId("vigil.pod", "prod-eu/payments/api-7f9c");

        var copy = JsonSerializer.Deserialize<GrainId>(JsonSerializer.Serialize(id));

        Assert.Equal(id, copy);
        Assert.Equal(id.Shard, copy.Shard);
        Assert.InRange(id.Shard, 0, GrainId.ShardCount - 1);
    }

    [Fact]
    public void Shards_are_stable_across_runs_and_spread_evenly()
    {
        // Golden values, computed apart from this code (FNV-1a 64 of "vigil.pod\0prod-eu/payments/api-7f9c"):
        // the hash must never change for a deployment, whatever the process, machine or .NET version.
        Assert.Equal(3_165_564_792_433_079_114UL, GrainId.StableHash("vigil.pod", "prod-eu/payments/api-7f9c"));
        Assert.Equal(842, new GrainId("vigil.pod", "prod-eu/payments/api-7f9c").Shard);

        var counts = new int[GrainId.ShardCount];
        for (var i = 0; i < 102_400; i++)
        {
            counts[new GrainId("vigil.pod", $"pod-{i}").Shard]++;
        }

        Assert.InRange(counts.Min(), 50, 100);
        Assert.InRange(counts.Max(), 100, 160);
    }

    [Fact]
    public async Task A_generated_request_serializes_and_still_invokes_the_grain()
    {
        var invoker = new CapturingInvoker();
        var reference = GrainReferenceRegistry.Create<IProbeGrain>("remote", invoker);

        _ = reference.RecordAsync("sent over the wire");
        var request = invoker.Captured!;
        var copy = (GrainRequest<GrainVoid>)JsonSerializer.Deserialize(JsonSerializer.Serialize(request, request.GetType(), Json), request.GetType(), Json)!;
        var grain = new ProbeGrain(new ActivationJournal(), new ConcurrencyProbe(), new HangGate());
        await copy.InvokeAsync(grain);

        Assert.Equal(new GrainId("test.probe", "remote"), invoker.Target);
        Assert.Equal("IProbeGrain.RecordAsync", copy.MethodName);
        Assert.Equal(["sent over the wire"], await grain.RecordedAsync());
    }

    private sealed class CapturingInvoker : IGrainCallInvoker
    {
        public GrainId Target { get; private set; }

        public GrainRequest<GrainVoid>? Captured { get; private set; }

        public Task<TResult> InvokeAsync<TResult>(GrainId grain, GrainRequest<TResult> request) => throw new NotSupportedException();

        public void InvokeOneWay<TResult>(GrainId grain, GrainRequest<TResult> request)
        {
            Target = grain;
            Captured = (GrainRequest<GrainVoid>)(object)request;
        }
    }
}
