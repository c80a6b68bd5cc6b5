namespace Vigil.Grpc;

/// <summary>Writes the messages of a stream; one write at a time (writes must not overlap).</summary>
public interface IAsyncStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
