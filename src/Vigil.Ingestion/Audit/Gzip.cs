using System.IO.Compression;

namespace Vigil.Ingestion.Audit;

/// <summary>Gzip input as CloudWatch subscriptions and Firehose deliver it (possibly several concatenated members).</summary>
internal static class Gzip
{
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    public static byte[] Decompress(byte[] data)
    {
        // GZipStream reads every concatenated member, which is what Firehose-to-S3 objects hold.
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
