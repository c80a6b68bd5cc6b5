using Vigil.Contracts.Events.V1;
using Vigil.Grpc;
using Vigil.Scenarios;

namespace Vigil.Sensor.Client.Tests;

/// <summary>Bad input ends the call with a clear status after acknowledging what came before it, and applies nothing of itself.</summary>
public sealed class SensorIngestRefusalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_protobuf_after_a_good_batch_is_invalid_argument_and_the_good_batch_is_still_acknowledged()
    {
        var (host, storage) = await StartAsync();
        await using var _ = host;
        var trace = AttackScenarios.WebShellOnly("bad", DateTimeOffset.UtcNow);

        var (status, _, replies) = await host.Raw()
            .Message(SensorBatches.Message(SensorBatches.Hello("bad")))
            .Message(SensorBatches.Message(SensorBatches.Batch(1, SensorBatches.Of(trace, 100)[0])))
            .Frame([0x12, 0x7f, 0x01])
            .SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.InvalidArgument, status);
        Assert.NotNull(replies[0].Welcome);
        Assert.Equal(1ul, replies[^1].Ack.AcknowledgedThrough);
        Assert.NotEmpty(await host.PodAlertsAsync(SensorBatches.PodKey(trace)));
        Assert.NotEqual(0, storage.Writes);
    }

    [Fact]
    public async Task A_message_over_4_MiB_is_resource_exhausted_and_nothing_is_applied()
    {
        var (host, storage) = await StartAsync();
        await using var _ = host;

        var (status, _, _) = await host.Raw()
            .Message(SensorBatches.Message(SensorBatches.Hello("big")))
            .Frame(new byte[16], declaredLength: 5 * 1024 * 1024)
            .SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.ResourceExhausted, status);
        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task A_client_sending_an_oversized_batch_faults_with_resource_exhausted_instead_of_retrying()
    {
        var (host, storage) = await StartAsync();
        await using var _ = host;
        await using var client = host.Client("big");
        var huge = new EventEnvelope { EventId = 1, Admission = new AdmissionReview { ObjectJson = Google.Protobuf.ByteString.CopyFrom(new byte[5 * 1024 * 1024]) } };

        var sequence = await client.SendAsync([huge], Ct);
        var failure = await Assert.ThrowsAsync<RpcException>(() => client.WaitForAcknowledgedAsync(sequence, Ct));

        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task A_batch_before_the_hello_is_invalid_argument()
    {
        var (host, storage) = await StartAsync();
        await using var _ = host;
        var trace = AttackScenarios.WebShellOnly("early", DateTimeOffset.UtcNow);

        var (status, detail, _) = await host.Raw()
            .Message(SensorBatches.Message(SensorBatches.Batch(1, SensorBatches.Of(trace, 100)[0])))
            .SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.InvalidArgument, status);
        Assert.Contains("hello", detail, StringComparison.Ordinal);
        Assert.Equal(0, storage.Writes);
    }

    [Theory]
    [InlineData(2ul, "must rise")]
    [InlineData(3ul, "must rise")]
    [InlineData(0ul, "needs a sequence")]
    public async Task A_sequence_that_does_not_rise_within_the_stream_is_invalid_argument_and_not_applied(ulong second, string expected)
    {
        var (host, _) = await StartAsync();
        await using var __ = host;
        var first = AttackScenarios.WebShellOnly("seq", DateTimeOffset.UtcNow);
        var other = AttackScenarios.Crypto("seq", DateTimeOffset.UtcNow);

        var (status, detail, replies) = await host.Raw()
            .Message(SensorBatches.Message(SensorBatches.Hello("seq")))
            .Message(SensorBatches.Message(SensorBatches.Batch(3, SensorBatches.Of(first, 100)[0])))
            .Message(SensorBatches.Message(SensorBatches.Batch(second, SensorBatches.Of(other, 100)[0])))
            .SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.InvalidArgument, status);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Equal(3ul, replies[^1].Ack.AcknowledgedThrough);
        Assert.Empty(await host.PodAlertsAsync(SensorBatches.PodKey(other)));
    }

    [Fact]
    public async Task A_batch_with_an_event_of_another_cluster_is_refused_whole()
    {
        var (host, storage) = await StartAsync();
        await using var _ = host;
        var trace = AttackScenarios.WebShellOnly("mine", DateTimeOffset.UtcNow);
        var events = SensorBatches.Of(trace, 100)[0];
        events[^1].Runtime.Context.Cluster = "theirs";

        var (status, detail, _) = await host.Raw()
            .Message(SensorBatches.Message(SensorBatches.Hello("mine")))
            .Message(SensorBatches.Message(SensorBatches.Batch(1, events)))
            .SendAsync(host.Address, Ct);

        Assert.Equal(StatusCode.InvalidArgument, status);
        Assert.Contains("theirs", detail, StringComparison.Ordinal);
        Assert.Equal(0, storage.Writes);
    }

    private static async Task<(IngestHost Host, GatedStorage Storage)> StartAsync()
    {
        var storage = new GatedStorage();
        return (await IngestHost.StartAsync(storage), storage);
    }
}
