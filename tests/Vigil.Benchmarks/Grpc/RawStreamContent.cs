using System.Diagnostics;
using System.Net;
using Vigil.Benchmarks.Messages;

namespace Vigil.Benchmarks.Grpc;

/// <summary>
/// A request body that sends one batch, framed by hand and flushed each time, until the time is up: either the
/// same pre-framed bytes every time (the ceiling), or serialized afresh each time as a real sender must.
/// </summary>
public sealed class RawStreamContent(BenchBatch batch, bool serializeEachTime, TimeSpan duration) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var framed = BenchBatches.Framed(batch);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            if (serializeEachTime)
            {
                framed = BenchBatches.Framed(batch);
            }

            await stream.WriteAsync(framed);
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
