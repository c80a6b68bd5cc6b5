using Microsoft.AspNetCore.Http;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

/// <summary>What a handler knows of its call: metadata in and out, deadline, cancellation, the HTTP context.</summary>
public sealed class ServerCallContext
{
    internal ServerCallContext(HttpContext httpContext, string method, Metadata requestHeaders, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        HttpContext = httpContext;
        Method = method;
        RequestHeaders = requestHeaders;
        Deadline = deadline;
        CancellationToken = cancellationToken;
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
