using Google.Protobuf;
using Vigil.Grpc.Client;
using Vigil.Grpc.Health;
using Vigil.Grpc.Health.V1;
using Vigil.Grpc.Tests.Interop;
using Vigil.Grpc.Tests.Support;
using ServingStatus = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Vigil.Grpc.Tests;

/// <summary>Vigil's client against Vigil's server, over real HTTP/2 on loopback: the shared cases and more.</summary>
public sealed class BindingTests : ClientConformanceTests, IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    protected override GrpcChannel Channel => _channel;

    protected override async Task ServerSawCancelAsync(string method) =>
        Assert.Equal(method, await _server.Interop.Cancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct));

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
