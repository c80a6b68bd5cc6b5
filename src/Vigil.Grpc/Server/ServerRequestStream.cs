using Google.Protobuf;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

internal sealed class ServerRequestStream<T>(PipeMessageReader<T> reader, CancellationToken callToken) : IAsyncStreamReader<T>
    where T : IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken)
            : null;
        _current = await reader.ReadAsync(linked?.Token ?? callToken).ConfigureAwait(false);
        return _current is not null;
    }
}
