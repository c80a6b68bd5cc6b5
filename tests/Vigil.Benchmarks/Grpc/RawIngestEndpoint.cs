using System.Buffers;
using System.Buffers.Binary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Benchmarks.Messages;

namespace Vigil.Benchmarks.Grpc;

/// <summary>
/// The ceiling the binding is measured against: Kestrel's body reader, a hand-written frame loop and
/// Google.Protobuf's parser, with nothing else. Deliberately independent of Vigil.Grpc.
/// </summary>
public static class RawIngestEndpoint
{
    public const string Path = "/raw/ingest";

    public static async Task HandleAsync(HttpContext http)
    {
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
        var reader = http.Request.BodyReader;
        long events = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            while (TryTake(ref buffer, out var message))
            {
                events += BenchBatch.Parser.ParseFrom(message).Events.Count;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await http.Response.WriteAsync(events.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool TryTake(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> message)
    {
        message = default;
        if (buffer.Length < 5)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[5];
        buffer.Slice(0, 5).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (buffer.Length < 5 + length)
        {
            return false;
        }

        message = buffer.Slice(5, length);
        buffer = buffer.Slice(message.End);
        return true;
    }
}
