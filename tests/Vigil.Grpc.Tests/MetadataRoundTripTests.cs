using Vigil.Grpc.Client;
using Vigil.Grpc.Tests.Interop;
using Vigil.Grpc.Tests.Support;

namespace Vigil.Grpc.Tests;

public sealed class MetadataRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Headers_and_trailers_set_by_a_handler_reach_the_caller_text_and_binary()
    {
        Metadata? seen = null;
        await using var server = await TestGrpcServer.StartAsync(bind: binder => binder.ServerStreaming(InteropApi.ServerStream, async (request, responses, context) =>
        {
            seen = context.RequestHeaders;
            await context.WriteResponseHeadersAsync(new Metadata().Add("x-shard", "17"));
            await responses.WriteAsync(new EchoReply { Text = "one" });
            context.ResponseTrailers.Add("x-epoch", "4");
            throw new RpcException(new Status(StatusCode.Aborted, "moved"), new Metadata().Add("x-owner-bin", [0xCA, 0xFE]));
        }));
        using var channel = server.CreateChannel();
        var headers = new Metadata().Add("x-request-id", "r-1").Add("token-bin", [0, 255, 1]);

        using var call = channel.ServerStreaming(InteropApi.ServerStream, new EchoRequest(), new CallOptions(Headers: headers, CancellationToken: Ct));
        var responseHeaders = await call.ResponseHeadersAsync;
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));

        Assert.Equal("r-1", seen!.GetValue("x-request-id"));
        Assert.Equal(new byte[] { 0, 255, 1 }, seen.GetValueBytes("token-bin"));
        Assert.Equal("17", responseHeaders.GetValue("x-shard"));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("4", error.Trailers.GetValue("x-epoch"));
        Assert.Equal(new byte[] { 0xCA, 0xFE }, error.Trailers.GetValueBytes("x-owner-bin"));
    }

    [Fact]
    public async Task A_handler_exception_is_unknown_to_the_caller_without_its_text()
    {
        await using var server = await TestGrpcServer.StartAsync(bind: binder =>
            binder.Unary<EchoRequest, EchoReply>(InteropApi.Unary, (_, _) => throw new InvalidOperationException("connection string Password=hunter2")));
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropApi.Unary, new EchoRequest(), new CallOptions(CancellationToken: Ct)));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binding_a_method_with_the_wrong_streaming_shape_fails_at_start()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestGrpcServer.StartAsync(bind: binder =>
            binder.Unary<EchoRequest, EchoReply>(InteropApi.Bidi, (r, _) => Task.FromResult(new EchoReply()))));

        Assert.Contains("DuplexStreaming", error.Message, StringComparison.Ordinal);
    }
}
