using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Client;

/// <summary>
/// A request body of unknown length that stays open while the caller writes messages: HttpClient hands over its
/// stream when it starts sending, and the body (with END_STREAM) ends when the caller completes it.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<PipeWriter> _writer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
    }

    public Task<PipeWriter> WriterAsync => _writer.Task;

    public void Complete() => _completed.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // HttpClient holds an HTTP/2 request's HEADERS back until the body is first flushed; flushing now starts
        // the call at the server before any message is written, so a server may speak first.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _writer.TrySetResult(PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)));
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
