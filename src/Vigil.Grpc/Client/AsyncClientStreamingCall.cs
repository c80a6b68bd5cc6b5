namespace Vigil.Grpc.Client;

/// <summary>A call that writes a stream of requests and gets one response. Disposing an unfinished call cancels it.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly IClientCallState _call;
    private readonly Lazy<Task<TResponse>> _response;

    internal AsyncClientStreamingCall(IClientCallState call, IClientStreamWriter<TRequest> requestStream, Func<Task<TResponse>> readResponse)
    {
        _call = call;
        RequestStream = requestStream;
        _response = new Lazy<Task<TResponse>>(readResponse);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The single response; awaiting it before completing the request stream waits for the server.</summary>
    public Task<TResponse> ResponseAsync => _response.Value;

    public Task<Metadata> ResponseHeadersAsync => _call.GetResponseHeadersAsync();

    public Status GetStatus() => _call.GetStatus();

    public Metadata GetTrailers() => _call.GetTrailers();

    public void Dispose() => _call.Dispose();
}
