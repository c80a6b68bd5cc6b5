using Google.Protobuf;
using Vigil.Grpc.Client;
using Vigil.Grpc.Health;
using Vigil.Grpc.Health.V1;
using Vigil.Grpc.Tests.Interop;
using Vigil.Grpc.Tests.Support;
using ServingStatus = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Vigil.Grpc.Tests;

/// <summary>Vigil's client against Vigil's server, over real HTTP/2 on loopback.</summary>
public sealed class BindingTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Unary_echoes_the_message_and_the_handler_sees_authorization_metadata()
    {
        var reply = await _channel.UnaryAsync(
            InteropApi.Unary,
            new EchoRequest { Text = "héllo ✓", Sequence = 7, Payload = ByteString.CopyFrom(1, 2, 3) },
            new CallOptions(Headers: new Metadata().Add("authorization", "Bearer s3cret"), CancellationToken: Ct));

        Assert.Equal("héllo ✓", reply.Text);
        Assert.Equal(7, reply.Sequence);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
        Assert.Equal("Bearer s3cret", reply.Authorization);
    }

    [Fact]
    public async Task Server_streaming_delivers_every_reply_in_order_and_ends_ok()
    {
        using var call = _channel.ServerStreaming(InteropApi.ServerStream, new EchoRequest { Text = "s", Count = 250 }, new CallOptions(CancellationToken: Ct));
        var sequences = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync(Ct))
        {
            sequences.Add(reply.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 250), sequences);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Client_streaming_sends_every_request_before_the_single_reply()
    {
        using var call = _channel.ClientStreaming(InteropApi.ClientStream, new CallOptions(CancellationToken: Ct));
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
    public async Task Duplex_streaming_echoes_ten_thousand_messages_in_order()
    {
        const int count = 10_000;
        using var call = _channel.DuplexStreaming(InteropApi.Bidi, new CallOptions(CancellationToken: Ct));
        var reading = Task.Run(async () =>
        {
            var expected = 0;
            await foreach (var reply in call.ResponseStream.ReadAllAsync(Ct))
            {
                Assert.Equal(expected++, reply.Sequence);
            }

            return expected;
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
    public async Task An_error_before_any_reply_arrives_trailers_only_with_its_non_ascii_message()
    {
        const string detail = "accès refusé: ключ недействителен ✓ 100%";
        var error = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(
            InteropApi.Unary, new EchoRequest { FailCode = 7, FailMessage = detail }, new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task An_error_after_replies_arrives_in_trailers()
    {
        using var call = _channel.ServerStreaming(
            InteropApi.ServerStream,
            new EchoRequest { Count = 3, FailCode = (int)StatusCode.Aborted, FailMessage = "stopped after three" },
            new CallOptions(CancellationToken: Ct));
        var received = 0;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("stopped after three", error.Status.Detail);
    }

    [Fact]
    public async Task An_exceeded_deadline_fails_with_deadline_exceeded_and_cancels_the_handler()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(
            InteropApi.Unary,
            new EchoRequest { DelayMs = 30_000 },
            new CallOptions(Deadline: DateTimeOffset.UtcNow.AddMilliseconds(200), CancellationToken: Ct)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal("Unary", await _server.Interop.Cancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task Cancelling_a_stream_ends_it_with_cancelled_on_both_sides()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var call = _channel.DuplexStreaming(InteropApi.Bidi, new CallOptions(CancellationToken: cts.Token));
        await call.RequestStream.WriteAsync(new EchoRequest { Sequence = 1 }, Ct);
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("Bidi", await _server.Interop.Cancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused_with_resource_exhausted_and_the_server_carries_on()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(
            InteropApi.Unary,
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) },
            new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var next = await _channel.UnaryAsync(InteropApi.Unary, new EchoRequest { Text = "still here" }, new CallOptions(CancellationToken: Ct));
        Assert.Equal("still here", next.Text);
    }

    [Fact]
    public async Task A_response_over_the_client_limit_fails_with_resource_exhausted()
    {
        using var small = _server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(() => small.UnaryAsync(
            InteropApi.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[4096]) }, new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_accepted()
    {
        using var gzip = _server.CreateChannel(new GrpcChannelOptions { CompressRequests = true });
        var payload = Enumerable.Range(0, 65_536).Select(i => (byte)(i % 7)).ToArray();

        var reply = await gzip.UnaryAsync(InteropApi.Unary, new EchoRequest { Payload = ByteString.CopyFrom(payload) }, new CallOptions(CancellationToken: Ct));

        Assert.Equal(payload, reply.Payload.ToByteArray());
    }

    [Fact]
    public async Task Health_check_answers_serving_and_not_found_for_unknown_services()
    {
        var serving = await _channel.UnaryAsync(HealthApi.Check, new HealthCheckRequest(), new CallOptions(CancellationToken: Ct));
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _channel.UnaryAsync(HealthApi.Check, new HealthCheckRequest { Service = "no.such.Service" }, new CallOptions(CancellationToken: Ct)));

        Assert.Equal(ServingStatus.Serving, serving.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Health_watch_sends_the_current_status_then_every_change()
    {
        using var call = _channel.ServerStreaming(HealthApi.Watch, new HealthCheckRequest { Service = "vigil.Test" }, new CallOptions(CancellationToken: Ct));
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);

        _server.Health.SetStatus("vigil.Test", ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);

        _server.Health.SetStatus("vigil.Test", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task A_server_that_is_not_there_gives_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = new GrpcChannel(new Uri($"http://127.0.0.1:{port}"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(HealthApi.Check, new HealthCheckRequest(), new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Reserved_metadata_keys_are_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _channel.UnaryAsync(
            InteropApi.Unary, new EchoRequest(), new CallOptions(Headers: new Metadata().Add("grpc-timeout", "1S"), CancellationToken: Ct)));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }
}
