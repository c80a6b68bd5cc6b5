using System.IO.Pipelines;
using Google.Protobuf;

namespace Vigil.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed messages from a pipe, parsing each straight from the pipe's buffers. The call's token
/// is registered once, to cancel a pending read, rather than on every read of a long stream.
/// </summary>
internal sealed class PipeMessageReader<T>(
    PipeReader reader,
    MessageParser<T> parser,
    int maxMessageSize,
    string? encoding,
    CancellationToken callToken,
    Func<Exception, Exception>? onTransportFailure = null)
    where T : IMessage<T>
{
    private readonly CancellationTokenRegistration _registration = callToken.UnsafeRegister(static state => ((PipeReader)state!).CancelPendingRead(), reader);

    /// <summary>The next message, or default at a clean end of the stream.</summary>
    public async ValueTask<T?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (onTransportFailure is not null && ex is IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // Both ReadAsync and AdvanceTo report a reset stream this way.
            throw onTransportFailure(ex);
        }
    }

    private async ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            callToken.ThrowIfCancellationRequested();
            var pending = reader.ReadAsync(cancellationToken);
            var result = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
            if (result.IsCanceled)
            {
                reader.AdvanceTo(result.Buffer.Start);
                callToken.ThrowIfCancellationRequested();
                throw new OperationCanceledException("The read was cancelled.");
            }

            var buffer = result.Buffer;
            bool found;
            T? message = default;
            try
            {
                found = MessageFraming.TryReadMessage(ref buffer, maxMessageSize, out var compressed, out var payload);
                if (found)
                {
                    message = MessageFraming.ParseMessage(parser, payload, compressed, encoding, maxMessageSize);
                }
            }
            catch
            {
                reader.AdvanceTo(result.Buffer.Start);
                throw;
            }

            if (found)
            {
                reader.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted)
            {
                _registration.Dispose();
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (leftover > 0)
                {
                    throw new RpcException(StatusCode.Internal, $"The stream ended inside a message ({leftover} bytes left over).");
                }

                return default;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
