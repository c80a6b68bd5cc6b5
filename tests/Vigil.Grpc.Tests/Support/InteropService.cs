using Google.Protobuf;
using Vigil.Grpc.Server;
using Vigil.Grpc.Tests.Interop;

namespace Vigil.Grpc.Tests.Support;

/// <summary>The interop service as its .proto describes it, plus signals tests wait on.</summary>
public sealed class InteropService(TimeProvider timeProvider) : IGrpcService
{
    private readonly TaskCompletionSource<string> _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the method name when a handler first sees its call cancelled.</summary>
    public Task<string> Cancelled => _cancelled.Task;

    public void Bind(GrpcServiceBinder binder) => binder
        .Unary(InteropApi.Unary, UnaryAsync)
        .ServerStreaming(InteropApi.ServerStream, ServerStreamAsync)
        .ClientStreaming(InteropApi.ClientStream, ClientStreamAsync)
        .DuplexStreaming(InteropApi.Bidi, BidiAsync);

    private async Task<EchoReply> UnaryAsync(EchoRequest request, ServerCallContext context)
    {
        await DelayAsync(request.DelayMs, context, "Unary");
        FailIfAsked(request);
        return new EchoReply
        {
            Text = request.Text,
            Sequence = request.Sequence,
            Payload = request.Payload,
            Authorization = context.RequestHeaders.GetValue("authorization") ?? string.Empty,
        };
    }

    private async Task ServerStreamAsync(EchoRequest request, IAsyncStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            if (i > 0)
            {
                await DelayAsync(request.DelayMs, context, "ServerStream");
            }

            await responses.WriteAsync(new EchoReply { Text = request.Text, Sequence = i });
        }

        FailIfAsked(request);
    }

    private static async Task<EchoReply> ClientStreamAsync(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context)
    {
        var count = 0;
        var text = string.Empty;
        var payload = new MemoryStream();
        EchoRequest? failing = null;
        await foreach (var request in requests.ReadAllAsync())
        {
            count++;
            text = request.Text;
            request.Payload.WriteTo(payload);
            failing ??= request.FailCode != 0 ? request : null;
        }

        if (failing is not null)
        {
            FailIfAsked(failing);
        }

        return new EchoReply { Sequence = count, Text = text, Payload = ByteString.CopyFrom(payload.ToArray()) };
    }

    private async Task BidiAsync(IAsyncStreamReader<EchoRequest> requests, IAsyncStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        try
        {
            await foreach (var request in requests.ReadAllAsync())
            {
                await DelayAsync(request.DelayMs, context, "Bidi");
                FailIfAsked(request);
                await responses.WriteAsync(new EchoReply { Text = request.Text, Sequence = request.Sequence, Payload = request.Payload });
            }
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            _cancelled.TrySetResult("Bidi");
            throw;
        }
    }

    private async Task DelayAsync(int milliseconds, ServerCallContext context, string method)
    {
        if (milliseconds <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), timeProvider, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult(method);
            throw;
        }
    }

    private static void FailIfAsked(EchoRequest request)
    {
        if (request.FailCode != 0)
        {
            throw new RpcException((StatusCode)request.FailCode, request.FailMessage);
        }
    }
}
