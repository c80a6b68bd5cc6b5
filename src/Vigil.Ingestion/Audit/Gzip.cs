using System.IO.Compression;

namespace Vigil.Ingestion.Audit;

/// <summary>Gzip input as CloudWatch subscriptions and Firehose deliver it (possibly several concatenated members).</summary>
internal static class Gzip
{
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    /// <summary>The inflated bytes; <see cref="InvalidDataException"/> when they would exceed <paramref name="maxBytes"/>.</summary>
    public static byte[] Decompress(byte[] data, long maxBytes)
    {
        // GZipStream reads every concatenated member, which is what Firehose-to-S3 objects hold.
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw new InvalidDataException($"it inflates past {maxBytes:N0} bytes");
            }
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
