using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

/// <summary>Runs one method's handler, whatever its streaming shape.</summary>
internal sealed class MethodCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Delegate handler,
    GrpcServerOptions options,
    TimeProvider timeProvider,
    ILogger logger)
    : ServerCallHandler(method.FullName, options, timeProvider, logger)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpContext http, ServerCallContext context, string? encoding)
    {
        var reader = new PipeMessageReader<TRequest>(http.Request.BodyReader, method.RequestParser, Options.MaxReceiveMessageSize, encoding, context.CancellationToken, context.CallerWentAway);
        var requests = new ServerRequestStream<TRequest>(reader);
        var responses = new ServerResponseStream<TResponse>(http.Response, Options.MaxSendMessageSize, context);
        switch (handler)
        {
            case UnaryServerMethod<TRequest, TResponse> unary:
                var reply = await unary(await ReadSingleAsync(reader, context).ConfigureAwait(false), context).ConfigureAwait(false);
                await responses.WriteAsync(reply).ConfigureAwait(false);
                break;
            case ServerStreamingServerMethod<TRequest, TResponse> serverStreaming:
                await serverStreaming(await ReadSingleAsync(reader, context).ConfigureAwait(false), responses, context).ConfigureAwait(false);
                break;
            case ClientStreamingServerMethod<TRequest, TResponse> clientStreaming:
                var result = await clientStreaming(requests, context).ConfigureAwait(false);
                await responses.WriteAsync(result).ConfigureAwait(false);
                break;
            case DuplexStreamingServerMethod<TRequest, TResponse> duplex:
                await duplex(requests, responses, context).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"No handler shape for {method.FullName}.");
        }
    }

    private static async Task<TRequest> ReadSingleAsync(PipeMessageReader<TRequest> reader, ServerCallContext context)
    {
        var request = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request carried no message.");
        if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "The request carried more than one message.");
        }

        return request;
    }
}
