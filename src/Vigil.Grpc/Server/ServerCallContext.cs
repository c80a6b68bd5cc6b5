using Microsoft.AspNetCore.Http;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

/// <summary>What a handler knows of its call: metadata in and out, deadline, cancellation, the HTTP context.</summary>
public sealed class ServerCallContext
{
    private readonly CancellationTokenSource _call;

    internal ServerCallContext(HttpContext httpContext, string method, Metadata requestHeaders, DateTimeOffset? deadline, CancellationTokenSource call)
    {
        HttpContext = httpContext;
        Method = method;
        RequestHeaders = requestHeaders;
        Deadline = deadline;
        _call = call;
        CancellationToken = call.Token;
    }

    public HttpContext HttpContext { get; }

    /// <summary>The method path, <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>The caller's address, <c>ip:port</c>.</summary>
    public string Peer => $"{HttpContext.Connection.RemoteIpAddress}:{HttpContext.Connection.RemotePort}";

    /// <summary>Request metadata, including <c>authorization</c> and <c>user-agent</c>.</summary>
    public Metadata RequestHeaders { get; }

    /// <summary>Metadata sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>When the caller stops waiting; null when it sent no <c>grpc-timeout</c>.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Cancelled when the caller cancels, the deadline passes or the connection drops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The status to end with when the handler returns normally; throwing <see cref="RpcException"/> is the other way.</summary>
    public Status Status { get; set; } = Status.Ok;

    /// <summary>True once the caller is known to have gone (a reset stream or a dropped connection).</summary>
    internal bool CallerGone { get; private set; }

    /// <summary>
    /// The caller reset the stream: Kestrel may report that on a read before it cancels RequestAborted, so the
    /// call's token is cancelled here, and the reader gets the status a cancelled call has.
    /// </summary>
    internal Exception CallerWentAway(Exception cause)
    {
        CallerGone = true;
        _call.Cancel();
        return new RpcException(new Status(StatusCode.Cancelled, "The caller cancelled the call."), new Metadata(), cause);
    }

    /// <summary>Sends response headers now, with extra metadata; otherwise they go with the first message.</summary>
    public Task WriteResponseHeadersAsync(Metadata headers)
    {
        foreach (var entry in headers)
        {
            if (GrpcHeaders.IsReserved(entry.Key))
            {
                throw new ArgumentException($"'{entry.Key}' is a reserved header.", nameof(headers));
            }

            HttpContext.Response.Headers.Append(entry.Key, entry.Value);
        }

        return HttpContext.Response.StartAsync(CancellationToken);
    }
}
