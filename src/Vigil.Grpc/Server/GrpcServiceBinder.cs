using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Vigil.Grpc.Server;

/// <summary>Collects the handlers of every service, one per method path.</summary>
public sealed class GrpcServiceBinder
{
    private readonly Dictionary<string, ServerCallHandler> _handlers = new(StringComparer.Ordinal);
    private readonly GrpcServerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal GrpcServiceBinder(GrpcServerOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    internal IReadOnlyDictionary<string, ServerCallHandler> Handlers => _handlers;

    public GrpcServiceBinder Unary<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
        => Add(method, MethodType.Unary, handler);

    public GrpcServiceBinder ServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
        => Add(method, MethodType.ServerStreaming, handler);

    public GrpcServiceBinder ClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
        => Add(method, MethodType.ClientStreaming, handler);

    public GrpcServiceBinder DuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
        => Add(method, MethodType.DuplexStreaming, handler);

    private GrpcServiceBinder Add<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType shape, Delegate handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (method.Type != shape)
        {
            throw new ArgumentException($"{method.FullName} is {method.Type} in its .proto, not {shape}.", nameof(method));
        }

        if (!_handlers.TryAdd(method.FullName, new MethodCallHandler<TRequest, TResponse>(method, handler, _options, _timeProvider, _logger)))
        {
            throw new InvalidOperationException($"{method.FullName} is bound twice.");
        }

        return this;
    }
}
