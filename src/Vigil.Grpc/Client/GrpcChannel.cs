using Google.Protobuf;

namespace Vigil.Grpc.Client;

/// <summary>
/// A connection to one gRPC server over HTTP/2 (h2c for http:// addresses). Thread-safe; reuse one per server,
/// as every call shares its connections.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    public GrpcChannel(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"A gRPC address needs http:// or https://, not '{address}'.", nameof(address));
        }

        Address = address;
        Options = options ?? new GrpcChannelOptions();
        var handler = Options.HttpHandler ?? new SocketsHttpHandler
        {
            UseProxy = false,
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingDelay = Options.KeepAlivePingDelay,
            KeepAlivePingTimeout = Options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        };
        Invoker = new HttpMessageInvoker(handler, disposeHandler: Options.HttpHandler is null);
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var call = new ClientCall<TRequest, TResponse>(this, method, options);
        call.StartUnary(request);
        return await call.ReadSingleResponseAsync().ConfigureAwait(false);
    }

    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        try
        {
            call.StartUnary(request);
        }
        catch
        {
            call.Dispose();
            throw;
        }

        return new AsyncServerStreamingCall<TResponse>(call, new ClientResponseStream<TRequest, TResponse>(call));
    }

    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, StartStreaming(call), call.ReadSingleResponseAsync);
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, StartStreaming(call), new ClientResponseStream<TRequest, TResponse>(call));
    }

    public void Dispose() => Invoker.Dispose();

    /// <summary>Starts a call with a request stream; a call that cannot start is disposed, not leaked.</summary>
    private static ClientRequestStream<TRequest, TResponse> StartStreaming<TRequest, TResponse>(ClientCall<TRequest, TResponse> call)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        try
        {
            return call.StartStreaming();
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }
}
