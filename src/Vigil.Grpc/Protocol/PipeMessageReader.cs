using System.IO.Pipelines;
using Google.Protobuf;

namespace Vigil.Grpc.Protocol;

/// <summary>Reads length-prefixed messages from a pipe, parsing each straight from the pipe's buffers.</summary>
internal sealed class PipeMessageReader<T>(PipeReader reader, MessageParser<T> parser, int maxMessageSize, string? encoding)
    where T : IMessage<T>
{
    /// <summary>The next message, or default at a clean end of the stream.</summary>
    public async ValueTask<T?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
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

            if (result.IsCompleted || result.IsCanceled)
            {
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
