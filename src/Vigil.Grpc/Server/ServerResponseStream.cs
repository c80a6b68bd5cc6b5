using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

/// <summary>Writes response messages, flushing each so a stream's reader sees it at once.</summary>
internal sealed class ServerResponseStream<T>(HttpResponse response, int maxMessageSize, ServerCallContext context) : IAsyncStreamWriter<T>
    where T : IMessage<T>
{
    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            MessageFraming.WriteMessage(response.BodyWriter, message, maxMessageSize, gzip: false);
            await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            throw context.CallerWentAway(ex);
        }
    }
}
