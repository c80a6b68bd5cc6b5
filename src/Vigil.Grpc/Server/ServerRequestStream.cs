using Google.Protobuf;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

internal sealed class ServerRequestStream<T>(PipeMessageReader<T> reader) : IAsyncStreamReader<T>
    where T : IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        // The message taken is let go before the next is awaited: held on, it would outlive its use (a long-lived
        // stream's batch surviving a garbage collection). The reader already watches the call's token.
        _current = default;
        _current = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}
