using Google.Protobuf;
using Vigil.Grpc.Client;
using Vigil.Grpc.Tests.Interop;
using Vigil.Grpc.Tests.Support;

namespace Vigil.Grpc.Tests;

/// <summary>Calls the server ends, or the client abandons, while the other side is still busy.</summary>
public sealed class EarlyEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_that_fails_a_client_stream_early_reports_its_own_status_not_a_cancel()
    {
        await using var server = await TestGrpcServer.StartAsync(bind: b => b.ClientStreaming<EchoRequest, EchoReply>(
            InteropApi.ClientStream, (_, _) => throw new RpcException(StatusCode.InvalidArgument, "bad first batch")));
        using var channel = server.CreateChannel();
        using var call = channel.ClientStreaming(InteropApi.ClientStream, new CallOptions(CancellationToken: Ct));

        var writeError = await WriteUntilRefusedAsync(call.RequestStream);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("bad first batch", error.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(writeError).StatusCode);
    }

    [Fact]
    public async Task A_server_that_answers_a_client_stream_early_delivers_its_answer()
    {
        await using var server = await TestGrpcServer.StartAsync(bind: b => b.ClientStreaming(InteropApi.ClientStream, async (requests, _) =>
        {
            await requests.MoveNext();
            return new EchoReply { Text = "enough" };
        }));
        using var channel = server.CreateChannel();
        using var call = channel.ClientStreaming(InteropApi.ClientStream, new CallOptions(CancellationToken: Ct));

        var writeError = await WriteUntilRefusedAsync(call.RequestStream);

        Assert.Equal("enough", (await call.ResponseAsync).Text);
        Assert.IsType<InvalidOperationException>(writeError);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Disposing_a_streaming_call_nobody_read_resets_the_stream()
    {
        var wrote = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestGrpcServer.StartAsync(bind: b => b.ServerStreaming(InteropApi.ServerStream, async (_, responses, context) =>
        {
            await responses.WriteAsync(new EchoReply { Text = "first" });
            wrote.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            finally
            {
                sawCancel.TrySetResult();
            }
        }));
        using var channel = server.CreateChannel();
        var call = channel.ServerStreaming(InteropApi.ServerStream, new EchoRequest(), new CallOptions(CancellationToken: Ct));
        await wrote.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        call.Dispose();

        await sawCancel.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Comma_joined_binary_metadata_from_a_server_is_split_and_junk_is_left_out()
    {
        await using var server = await TestGrpcServer.StartAsync(bind: b => b.ServerStreaming(InteropApi.ServerStream, async (_, responses, context) =>
        {
            context.HttpContext.Response.Headers["x-data-bin"] = "AQI,AwQ";
            context.HttpContext.Response.Headers["x-broken-bin"] = "!!not base64!!";
            await responses.WriteAsync(new EchoReply());
        }));
        using var channel = server.CreateChannel();
        using var call = channel.ServerStreaming(InteropApi.ServerStream, new EchoRequest(), new CallOptions(CancellationToken: Ct));

        var headers = await call.ResponseHeadersAsync;
        await foreach (var _ in call.ResponseStream.ReadAllAsync(Ct))
        {
        }

        Assert.Equal([[1, 2], [3, 4]], headers.Where(e => e.Key == "x-data-bin").Select(e => e.ValueBytes));
        Assert.DoesNotContain(headers, e => e.Key == "x-broken-bin");
    }

    private static async Task<Exception?> WriteUntilRefusedAsync(IClientStreamWriter<EchoRequest> requests)
    {
        try
        {
            // Far more than flow-control windows hold: the server stops reading long before the end.
            for (var i = 0; i < 4000; i++)
            {
                await requests.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[16 * 1024]) }, Ct);
            }

            await requests.CompleteAsync();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
