using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace Vigil.Grpc.Protocol;

/// <summary>
/// The length-prefixed message: one flag byte (1 = compressed), a 4-byte big-endian length, the bytes.
/// HTTP/2 DATA frames need not line up with these boundaries, so readers work on buffered sequences.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/> when it holds one. The size limit is
    /// checked as soon as the header arrives, so an oversized message is refused before it is buffered.
    /// </summary>
    public static bool TryReadMessage(
        ref ReadOnlySequence<byte> buffer,
        int maxMessageSize,
        out bool compressed,
        out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid message compression flag {header[0]}.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"Received message of {length} bytes exceeds the limit of {maxMessageSize} bytes.");
        }

        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }

        compressed = header[0] == 1;
        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>Frames <paramref name="message"/> into <paramref name="writer"/>, gzip-compressed when asked.</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, int maxMessageSize, bool gzip)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"Sending message of {size} bytes exceeds the limit of {maxMessageSize} bytes.");
        }

        if (gzip)
        {
            var compressed = GzipCodec.Compress(message.ToByteArray());
            var target = writer.GetSpan(HeaderSize + compressed.Length);
            WriteHeader(target, compressed: true, compressed.Length);
            compressed.CopyTo(target[HeaderSize..]);
            writer.Advance(HeaderSize + compressed.Length);
            return;
        }

        var span = writer.GetSpan(HeaderSize + size);
        WriteHeader(span, compressed: false, size);
        message.WriteTo(span.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
    }

    /// <summary>Parses a payload, undoing the sender's <c>grpc-encoding</c> when the compressed flag is set.</summary>
    public static T ParseMessage<T>(MessageParser<T> parser, in ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxMessageSize)
        where T : IMessage<T>
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }

            if (!string.Equals(encoding, GrpcHeaders.Gzip, StringComparison.OrdinalIgnoreCase))
            {
                throw new RpcException(StatusCode.Internal, "A message is flagged compressed but the call declared no grpc-encoding.");
            }

            return parser.ParseFrom(GzipCodec.Decompress(payload, maxMessageSize));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to parse a message: " + ex.Message), new Metadata(), ex);
        }
    }

    private static void WriteHeader(Span<byte> target, bool compressed, int length)
    {
        target[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(target[1..], (uint)length);
    }
}
