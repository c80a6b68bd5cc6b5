namespace Vigil.Grpc;

/// <summary>Reads the messages of a stream one at a time.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message that the last successful <see cref="MoveNext"/> read.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false at the end of the stream. Failures surface as <see cref="RpcException"/>.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken = default);
}
