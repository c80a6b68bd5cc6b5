namespace Vigil.Grpc;

/// <summary>
/// A call that ended with a status other than OK. Thrown to callers by the client, and thrown by handlers on the
/// server to end a call with a chosen status.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata())
    {
    }

    public RpcException(StatusCode code, string detail)
        : this(new Status(code, detail))
    {
    }

    public RpcException(Status status, Metadata trailers, Exception? innerException = null)
        : base(status.ToString(), innerException)
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.Code;

    /// <summary>Trailing metadata: received from the server (client side) or to send (server side).</summary>
    public Metadata Trailers { get; }
}
