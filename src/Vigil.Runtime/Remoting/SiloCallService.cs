using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Vigil.Grpc.Server;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>The owner's side of a call from another silo: run it here, or say who owns the shard now.</summary>
public sealed class SiloCallService(GrainRuntime runtime, IEnumerable<IShardRouter> routers, ILogger<SiloCallService> logger) : IGrpcService
{
    private readonly IShardRouter? _router = routers.FirstOrDefault();

    public void Bind(GrpcServiceBinder binder) => binder.Unary(SiloCallsApi.Invoke, InvokeAsync);

    private async Task<GrainCallResult> InvokeAsync(GrainCallRequest message, ServerCallContext context)
    {
        var grain = new GrainId(message.GrainType, message.GrainKey);
        if (_router?.OwnerOf(grain.Shard) is { } owner)
        {
            return new GrainCallResult { Redirect = owner };
        }

        GrainRequest request;
        try
        {
            request = GrainCallCodec.Decode(message.RequestType, message.Arguments.Span);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new Grpc.RpcException(Grpc.StatusCode.InvalidArgument, ex.Message);
        }

        var running = request.InvokeBoxedAsync(runtime, grain);
        if (message.OneWay)
        {
            _ = running.ContinueWith(
                t => RuntimeLog.OneWayCallFailed(logger, request.MethodName, t.Exception!),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            return new GrainCallResult { Value = ByteString.Empty };
        }

        try
        {
            return new GrainCallResult { Value = ByteString.CopyFrom(GrainCallCodec.EncodeResult(await running.ConfigureAwait(false), request.ResultType)) };
        }
        catch (Exception ex)
        {
            return new GrainCallResult { Error = new GrainCallError { Type = ex.GetType().FullName ?? ex.GetType().Name, Message = ex.Message } };
        }
    }
}
