using Google.Protobuf;
using Vigil.Grpc.Client;
using Vigil.Grpc.Health;
using Vigil.Grpc.Health.V1;
using Vigil.Grpc.Tests.Interop;
using Vigil.Grpc.Tests.Support;
using ServingStatus = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Vigil.Grpc.Tests;

/// <summary>
/// What Vigil's client must do against any gRPC server: each subclass runs these cases against one server
/// (Vigil's own, grpc-js), so both directions hold the client to one bar.
/// </summary>
public abstract class ClientConformanceTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract GrpcChannel Channel { get; }

    /// <summary>Completes when the server has seen the cancel of a call to <paramref name="method"/>.</summary>
    protected abstract Task ServerSawCancelAsync(string method);

    [Fact]
    public async Task Unary_round_trips_text_bytes_and_authorization()
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var reply = await Channel.UnaryAsync(
            InteropApi.Unary,
            new EchoRequest { Text = "héllo wörld ✓", Sequence = 42, Payload = ByteString.CopyFrom(payload) },
            new CallOptions(Headers: new Metadata().Add("authorization", "Bearer interop-token"), CancellationToken: Ct));

        Assert.Equal("héllo wörld ✓", reply.Text);
        Assert.Equal(42, reply.Sequence);
        Assert.Equal(payload, reply.Payload.ToByteArray());
        Assert.Equal("Bearer interop-token", reply.Authorization);
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_understood()
    {
        using var gzip = new GrpcChannel(Channel.Address, new GrpcChannelOptions { CompressRequests = true });
        var payload = Enumerable.Range(0, 65_536).Select(i => (byte)(i % 13)).ToArray();

        var reply = await gzip.UnaryAsync(InteropApi.Unary, new EchoRequest { Payload = ByteString.CopyFrom(payload) }, new CallOptions(CancellationToken: Ct));

        Assert.Equal(payload, reply.Payload.ToByteArray());
    }

    [Fact]
    public async Task Server_streaming_delivers_every_reply_in_order()
    {
        using var call = Channel.ServerStreaming(InteropApi.ServerStream, new EchoRequest { Text = "s", Count = 100 }, new CallOptions(CancellationToken: Ct));
        var sequences = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync(Ct))
        {
            sequences.Add(reply.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 100), sequences);
    }

    [Fact]
    public async Task Client_streaming_delivers_every_request()
    {
        using var call = Channel.ClientStreaming(InteropApi.ClientStream, new CallOptions(CancellationToken: Ct));
        for (var i = 0; i < 100; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"part-{i}", Payload = ByteString.CopyFrom(new byte[1024]) }, Ct);
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;

        Assert.Equal(100, reply.Sequence);
        Assert.Equal("part-99", reply.Text);
        Assert.Equal(100 * 1024, reply.Payload.Length);
    }

    [Fact]
    public async Task Bidirectional_stream_of_ten_thousand_messages_is_echoed_in_order()
    {
        const int count = 10_000;
        using var call = Channel.DuplexStreaming(InteropApi.Bidi, new CallOptions(CancellationToken: Ct));
        var reading = Task.Run(async () =>
        {
            var received = 0;
            await foreach (var reply in call.ResponseStream.ReadAllAsync(Ct))
            {
                Assert.Equal(received, reply.Sequence);
                Assert.Equal("m" + received, reply.Text);
                received++;
            }

            return received;
        }, Ct);
        for (var i = 0; i < count; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Sequence = i, Text = "m" + i }, Ct);
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal(count, await reading);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Error_status_carries_its_non_ascii_message()
    {
        const string detail = "accès refusé: ключ недействителен ✓ 100%";

        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(
            InteropApi.Unary, new EchoRequest { FailCode = 7, FailMessage = detail }, new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task Exceeded_deadline_gives_deadline_exceeded_and_the_server_sees_the_cancel()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(
            InteropApi.Unary,
            new EchoRequest { DelayMs = 30_000 },
            new CallOptions(Deadline: DateTimeOffset.UtcNow.AddMilliseconds(300), CancellationToken: Ct)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await ServerSawCancelAsync("Unary");
    }

    [Fact]
    public async Task Cancelled_stream_ends_cancelled_and_the_server_sees_the_cancel()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var call = Channel.DuplexStreaming(InteropApi.Bidi, new CallOptions(CancellationToken: cts.Token));
        await call.RequestStream.WriteAsync(new EchoRequest { Sequence = 1 }, Ct);
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await ServerSawCancelAsync("Bidi");
    }

    [Fact]
    public async Task Oversized_request_gives_resource_exhausted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(
            InteropApi.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) }, new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Health_check_answers_serving()
    {
        var reply = await Channel.UnaryAsync(
            HealthApi.Check, new HealthCheckRequest(), new CallOptions(Deadline: DateTimeOffset.UtcNow.AddSeconds(5), CancellationToken: Ct));

        Assert.Equal(ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Health_check_of_an_unknown_service_answers_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(
            HealthApi.Check, new HealthCheckRequest { Service = "no.such.Service" }, new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
