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
        // The reader already watches the call's token; only a caller's extra token needs passing.
        _current = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}
