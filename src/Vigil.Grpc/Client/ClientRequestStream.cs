using Google.Protobuf;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Client;

internal sealed class ClientRequestStream<TRequest, TResponse>(ClientCall<TRequest, TResponse> call, StreamingRequestContent content)
    : IClientStreamWriter<TRequest>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private bool _completed;

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("The request stream has been completed.");
        }

        var writer = content.WriterAsync.IsCompletedSuccessfully ? content.WriterAsync.Result : await GetWriterAsync().ConfigureAwait(false);
        try
        {
            MessageFraming.WriteMessage(writer, message, call.ChannelOptions.MaxSendMessageSize, call.ChannelOptions.CompressRequests);

            // No per-write token for the call itself: cancelling the call resets the stream, which fails the write.
            var flush = writer.FlushAsync(cancellationToken);
            if (!flush.IsCompletedSuccessfully)
            {
                await flush.ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw await call.WriteFailedAsync(ex).ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (content.WriterAsync.IsCompletedSuccessfully)
        {
            await content.WriterAsync.Result.CompleteAsync().ConfigureAwait(false);
        }

        content.Complete();
    }

    private async Task<System.IO.Pipelines.PipeWriter> GetWriterAsync()
    {
        // The body opens when HttpClient starts sending; a call that fails first must not leave writers waiting.
        var responseHeaders = call.GetResponseAsync();
        var first = await Task.WhenAny(content.WriterAsync, responseHeaders).ConfigureAwait(false);
        if (first == content.WriterAsync)
        {
            return await content.WriterAsync.ConfigureAwait(false);
        }

        await responseHeaders.ConfigureAwait(false);
        if (call.TryGetStatus() is { } status)
        {
            throw new RpcException(status.Code == StatusCode.OK ? new Status(StatusCode.Internal, "The call ended before the request was sent.") : status);
        }

        return await content.WriterAsync.WaitAsync(call.CallToken).ConfigureAwait(false);
    }
}
