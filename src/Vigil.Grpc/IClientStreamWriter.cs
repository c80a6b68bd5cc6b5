namespace Vigil.Grpc;

/// <summary>The request side of a client- or duplex-streaming call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream: the server sees the end after the last message written.</summary>
    Task CompleteAsync();
}
