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

    /// <summary>A handler to send through; by default a <see cref="SocketsHttpHandler"/> that ignores proxies.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }
}
