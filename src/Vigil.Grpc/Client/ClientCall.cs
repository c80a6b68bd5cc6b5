using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Client;

/// <summary>
/// One call on the wire: sends the request, reads the response messages and the status from the trailers, and
/// turns every transport failure into the status the gRPC protocol prescribes.
/// </summary>
internal sealed class ClientCall<TRequest, TResponse> : IClientCallState
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private static readonly string UserAgent = "grpc-dotnet-vigil/" + typeof(ClientCall<,>).Assembly.GetName().Version?.ToString(3);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _callCts;
    private readonly CancellationTokenSource? _deadlineCts;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private Task<HttpResponseMessage>? _sendTask;
    private HttpResponseMessage? _response;
    private PipeMessageReader<TResponse>? _reader;
    private Status? _status;
    private Metadata _trailers = new();
    private bool _disposed;

    public ClientCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _callCts = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Deadline is { } deadline)
        {
            // Timers cannot run longer than about 49 days; a deadline further off is no deadline in practice.
            var remaining = deadline - channel.Options.TimeProvider.GetUtcNow();
            if (remaining < GrpcTimeout.LongestEnforced)
            {
                _deadlineCts = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, channel.Options.TimeProvider);
                _deadlineRegistration = _deadlineCts.Token.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _callCts);
            }
        }

        // HttpClient resets an HTTP/2 stream when its response is disposed mid-body: that is how the server
        // learns of a cancel that happens while no read is pending.
        _callCts.Token.UnsafeRegister(static state => ((ClientCall<TRequest, TResponse>)state!).AbortTransport(), this);
    }

    public CancellationToken CallToken => _callCts.Token;

    public GrpcChannelOptions ChannelOptions => _channel.Options;

    public void StartUnary(TRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(buffer, request, _channel.Options.MaxSendMessageSize, _channel.Options.CompressRequests);
        var content = new ByteArrayContent(buffer.WrittenMemory.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        Send(content);
    }

    public ClientRequestStream<TRequest, TResponse> StartStreaming()
    {
        var content = new StreamingRequestContent();
        Send(content);
        return new ClientRequestStream<TRequest, TResponse>(this, content);
    }

    /// <summary>The response headers once they arrive; a call that failed before them throws its status.</summary>
    public async Task<HttpResponseMessage> GetResponseAsync()
    {
        if (_response is not null)
        {
            return _response;
        }

        HttpResponseMessage response;
        try
        {
            response = await _sendTask!.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        _response = response;
        if (_callCts.IsCancellationRequested)
        {
            response.Dispose();
            throw Fail(new OperationCanceledException(_callCts.Token));
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Fail(new Status(HttpStatusMapping.ToStatusCode(response.StatusCode), $"Bad gRPC response: HTTP status {(int)response.StatusCode}."));
        }

        if (response.Headers.Contains(GrpcHeaders.Status))
        {
            // Trailers-only: the status came in the headers and no body follows.
            SetStatusFrom(response.Headers);
        }
        else if (!GrpcHeaders.IsGrpcContentType(response.Content.Headers.ContentType?.MediaType))
        {
            throw Fail(new Status(StatusCode.Unknown, $"Bad gRPC response: content type '{response.Content.Headers.ContentType}'."));
        }

        return response;
    }

    /// <summary>The next response message, or null at the end of a call that ended OK.</summary>
    public async Task<TResponse?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var response = await GetResponseAsync().ConfigureAwait(false);
        if (_status is { } known)
        {
            return known.Code == StatusCode.OK ? default : throw new RpcException(known, _trailers);
        }

        using var registration = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _callCts);
        TResponse? message;
        try
        {
            _reader ??= new PipeMessageReader<TResponse>(
                PipeReader.Create(await response.Content.ReadAsStreamAsync(_callCts.Token).ConfigureAwait(false)),
                _method.ResponseParser,
                _channel.Options.MaxReceiveMessageSize,
                response.Headers.TryGetValues(GrpcHeaders.Encoding, out var encodings) ? encodings.FirstOrDefault() : null,
                _callCts.Token);
            message = await _reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (RpcException ex) when (_status is null && !_callCts.IsCancellationRequested)
        {
            // A protocol fault found by this side (oversized or unparsable message): end the call here.
            _status = ex.Status;
            _callCts.Cancel();
            throw;
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        if (message is not null)
        {
            return message;
        }

        SetStatusFrom(response.TrailingHeaders);
        return _status!.Value.Code == StatusCode.OK ? default : throw new RpcException(_status.Value, _trailers);
    }

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false)
            ?? throw Fail(new Status(StatusCode.Internal, "The call ended OK without a response message."));
        if (await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false) is not null)
        {
            throw Fail(new Status(StatusCode.Internal, "A unary response carried more than one message."));
        }

        return message;
    }

    public async Task<Metadata> GetResponseHeadersAsync()
    {
        var response = await GetResponseAsync().ConfigureAwait(false);
        var metadata = new Metadata();
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            if (GrpcHeaders.IsReserved(name) || name.Equals("date", StringComparison.OrdinalIgnoreCase) || name.Equals("server", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                // What a proxy adds that is not valid metadata is left out rather than failing the call.
                HeaderMetadata.TryAdd(metadata, name, value);
            }
        }

        return metadata;
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished.");

    public Status? TryGetStatus() => _status;

    public Metadata GetTrailers() => _status is null ? throw new InvalidOperationException("The call has not finished.") : _trailers;

    /// <summary>The status a transport failure means, recorded as the call's outcome.</summary>
    public RpcException Fail(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            _status ??= rpc.Status;
            return rpc;
        }

        var status = _status ?? MapFailure(exception);
        _status = status;
        return new RpcException(status, _trailers, exception);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_status is null)
        {
            // Resetting the stream tells the server the caller has gone.
            _status = new Status(StatusCode.Cancelled, "Call disposed before it finished.");
            _callCts.Cancel();
        }

        _response?.Dispose();

        // The registration first: disposing it waits for a deadline callback that is already cancelling the call.
        _deadlineRegistration.Dispose();
        _deadlineCts?.Dispose();
        _callCts.Dispose();
    }

    /// <summary>
    /// A request write failed. A cancel or deadline says so; otherwise the server ended the call (or the connection
    /// went), and its own status, not the write's error, is what the caller must see.
    /// </summary>
    public async Task<Exception> WriteFailedAsync(Exception exception)
    {
        if (_callCts.IsCancellationRequested)
        {
            return Fail(exception);
        }

        try
        {
            await GetResponseAsync().ConfigureAwait(false);
        }
        catch (RpcException rpc)
        {
            return rpc;
        }

        return _status is { Code: not StatusCode.OK } status
            ? new RpcException(status, _trailers, exception)
            : new InvalidOperationException("The call has ended: the server reads no more requests. Read the response for its outcome.", exception);
    }

    private RpcException Fail(Status status) => Fail(new RpcException(status));

    /// <summary>Resets the HTTP/2 stream, whether or not anyone has looked at the response yet.</summary>
    private void AbortTransport()
    {
        if (_response is { } response)
        {
            response.Dispose();
        }
        else
        {
            _sendTask?.ContinueWith(
                static task => task.Result.Dispose(),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void Send(HttpContent content)
    {
        if (_deadlineCts?.IsCancellationRequested == true)
        {
            throw Fail(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded before the call started."));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcHeaders.Te, GrpcHeaders.Trailers);
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        if (_channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, GrpcHeaders.Gzip);
        }

        if (_options.Deadline is { } deadline)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(deadline - _channel.Options.TimeProvider.GetUtcNow()));
        }

        foreach (var entry in _options.Headers ?? [])
        {
            if (GrpcHeaders.IsReserved(entry.Key))
            {
                throw new InvalidOperationException($"Metadata key '{entry.Key}' is reserved by the protocol.");
            }

            headers.TryAddWithoutValidation(entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value);
        }

        _sendTask = _channel.Invoker.SendAsync(request, _callCts.Token);
    }

    private Status MapFailure(Exception exception)
    {
        if (_deadlineCts?.IsCancellationRequested == true)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.");
        }

        if (_callCts.IsCancellationRequested)
        {
            return new Status(StatusCode.Cancelled, "Call cancelled by the caller.");
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException protocol)
            {
                return Http2ErrorMapping.ToStatus(protocol.ErrorCode, protocol.Message);
            }
        }

        return exception switch
        {
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"Transport failure talking to {_channel.Address}: {exception.Message}"),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call cancelled."),
            _ => new Status(StatusCode.Internal, $"Call failed: {exception.Message}"),
        };
    }

    private void SetStatusFrom(HttpHeaders headers)
    {
        var code = StatusCode.Unknown;
        var detail = string.Empty;
        var trailers = new Metadata();
        var sawStatus = false;
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                if (name.Equals(GrpcHeaders.Status, StringComparison.OrdinalIgnoreCase))
                {
                    sawStatus = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed);
                    code = sawStatus ? (StatusCode)parsed : StatusCode.Unknown;
                }
                else if (name.Equals(GrpcHeaders.Message, StringComparison.OrdinalIgnoreCase))
                {
                    detail = PercentEncoding.Decode(value);
                }
                else if (!GrpcHeaders.IsReserved(name))
                {
                    HeaderMetadata.TryAdd(trailers, name, value);
                }
            }
        }

        _trailers = trailers;
        _status = sawStatus ? new Status(code, detail) : new Status(StatusCode.Internal, "The response ended without a grpc-status.");
    }
}
