namespace Vigil.Grpc.Server;

public sealed class GrpcServerOptions
{
    /// <summary>The largest request message accepted; larger ones end the call with RESOURCE_EXHAUSTED. 4 MiB as in other gRPC servers.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest response message sent; a handler writing a larger one gets RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;
}
