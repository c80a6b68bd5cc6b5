namespace Vigil.Grpc.Client;

public sealed class GrpcChannelOptions
{
    /// <summary>The largest response message accepted; a larger one fails the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest request message sent; a larger one fails the write with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>Compress request messages with gzip (<c>grpc-encoding: gzip</c>).</summary>
    public bool CompressRequests { get; set; }

    /// <summary>The clock that deadlines run on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long a connection may be quiet before an HTTP/2 PING checks the server is still there; off by default.
    /// Without it, a server that vanishes without a reset (host lost, network cut) is noticed only by deadlines.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long a PING may go unanswered before the connection, and every call on it, is given up.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A handler to send through; by default a <see cref="SocketsHttpHandler"/> that ignores proxies.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }
}
