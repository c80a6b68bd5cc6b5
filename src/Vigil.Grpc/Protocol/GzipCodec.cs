using System.Buffers;
using System.IO.Compression;

namespace Vigil.Grpc.Protocol;

/// <summary>The <c>gzip</c> message encoding; each message is compressed on its own.</summary>
public static class GzipCodec
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses, refusing output larger than <paramref name="maxSize"/> (a gzip bomb is an oversized message).</summary>
    public static byte[] Decompress(in ReadOnlySequence<byte> data, int maxSize)
    {
        using var input = new MemoryStream(data.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = ReadChunk(gzip, chunk)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(
                        StatusCode.ResourceExhausted,
                        $"Decompressed message exceeds the limit of {maxSize} bytes.");
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }

    private static int ReadChunk(GZipStream gzip, byte[] chunk)
    {
        try
        {
            return gzip.Read(chunk, 0, chunk.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Invalid gzip data in a message."), new Metadata(), ex);
        }
    }
}
