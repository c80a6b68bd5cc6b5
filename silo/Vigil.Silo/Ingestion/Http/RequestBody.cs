using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// Reads a request body whole, within <see cref="IngestionOptions"/>: nothing is parsed, let alone dispatched, until
/// all of it has arrived, so a request cut short or over the limit changes nothing.
/// </summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext http, IngestionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (http.Request.ContentLength is { } declared && declared > options.MaxBodyBytes)
        {
            throw TooLarge($"The body is {declared} bytes, over the limit of {options.MaxBodyBytes} (Ingestion:MaxBodyBytes).");
        }

        // Kestrel's own cap (30 MB by default) would cut the body with a bare 413 below ours; this limit is the one
        // that counts, enforced while reading so a chunked body without a length is held to it too.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        var body = await ReadBoundedAsync(http.Request.Body, options.MaxBodyBytes, cancellationToken)
            ?? throw TooLarge($"The body is over the limit of {options.MaxBodyBytes} bytes (Ingestion:MaxBodyBytes).");
        return await DecodeAsync(http.Request.Headers.ContentEncoding.ToString(), body, options);
    }

    /// <summary>A body of nothing but whitespace holds no records: most likely a client that sent the wrong file or none.</summary>
    public static void ThrowIfBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return;
            }
        }
        throw IngestionRejectedException.BadRequest("empty-body", "The body is empty; send the events as JSON.");
    }

    /// <summary>
    /// Undoes a <c>Content-Encoding</c>, and inflates a body that is itself gzip (a CloudWatch subscription export
    /// saved as is), within <see cref="IngestionOptions.MaxDecompressedBytes"/>.
    /// </summary>
    private static async Task<byte[]> DecodeAsync(string encoding, byte[] body, IngestionOptions options)
    {
        var encoded = encoding.Trim();
        if (encoded.Length > 0 && !encoded.Equals("identity", StringComparison.OrdinalIgnoreCase)
            && !encoded.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new IngestionRejectedException(StatusCodes.Status415UnsupportedMediaType, new IngestionError(
                "unsupported-encoding", $"Content-Encoding '{encoded}' is not supported; send the body as is or gzip-compressed."));
        }
        var gzip = body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b;
        if (!gzip)
        {
            if (encoded.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                throw IngestionRejectedException.BadRequest("invalid-encoding", "Content-Encoding is gzip but the body is not gzip data.");
            }
            return body;
        }
        try
        {
            await using var inflating = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            return await ReadBoundedAsync(inflating, options.MaxDecompressedBytes, CancellationToken.None)
                ?? throw TooLarge($"The gzip body inflates to over {options.MaxDecompressedBytes} bytes (Ingestion:MaxDecompressedBytes).");
        }
        catch (InvalidDataException e)
        {
            throw IngestionRejectedException.BadRequest("invalid-encoding", $"line 1: the body is not valid gzip: {e.Message}");
        }
    }

    // Null when the stream holds more than limit bytes.
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return buffer.ToArray();
            }
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
    }

    private static IngestionRejectedException TooLarge(string what) =>
        new(StatusCodes.Status413PayloadTooLarge, new IngestionError(
            "body-too-large", $"{what} Nothing was ingested; split the input on record boundaries (vigil audit import does)."));
}
