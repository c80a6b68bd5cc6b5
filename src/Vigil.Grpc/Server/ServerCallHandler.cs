using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

/// <summary>
/// The protocol around one method's handler: checks the request, sets up deadline and cancellation, maps the
/// handler's outcome to a status, and sends that status in trailers (or trailers-only when nothing was sent).
/// </summary>
internal abstract class ServerCallHandler(string method, GrpcServerOptions options, TimeProvider timeProvider, ILogger logger)
{
    public string Method => method;

    protected GrpcServerOptions Options => options;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await response.WriteAsync($"Content-Type '{request.ContentType}' is not a gRPC content type.", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            response.StatusCode = StatusCodes.Status426UpgradeRequired;
            response.Headers.Upgrade = "h2c";
            return;
        }

        // Kestrel's body size cap and minimum data rate would cut long-lived, sometimes idle streams.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
        {
            maxBody.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }

        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;

        var encoding = request.Headers[GrpcHeaders.Encoding].ToString();
        if (!GrpcHeaders.IsSupportedEncoding(encoding))
        {
            await FinishAsync(http, new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; supported: {GrpcHeaders.SupportedEncodings}."), null).ConfigureAwait(false);
            return;
        }

        var timeoutHeader = request.Headers[GrpcHeaders.Timeout].ToString();
        TimeSpan? timeout = null;
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                await FinishAsync(http, new Status(StatusCode.Internal, $"Invalid grpc-timeout '{timeoutHeader}'."), null).ConfigureAwait(false);
                return;
            }

            // Timers cannot run past about 49 days; a deadline further off is no deadline in practice.
            timeout = parsed < GrpcTimeout.LongestEnforced ? parsed : null;
        }

        Metadata requestHeaders;
        try
        {
            requestHeaders = ReadMetadata(request.Headers);
        }
        catch (Exception ex) when (ex is ArgumentException or RpcException)
        {
            await FinishAsync(http, new Status(StatusCode.Internal, "Invalid request metadata: " + ex.Message), null).ConfigureAwait(false);
            return;
        }

        using var deadlineCts = timeout is { } t ? new CancellationTokenSource(t, timeProvider) : null;
        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadlineCts?.Token ?? CancellationToken.None);
        var context = new ServerCallContext(
            http,
            method,
            requestHeaders,
            timeout is { } d ? timeProvider.GetUtcNow() + d : null,
            callCts);

        Status status;
        try
        {
            await InvokeAsync(http, context, encoding.Length == 0 ? null : encoding).ConfigureAwait(false);
            status = context.Status;
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested || context.CallerGone)
        {
            // The caller cancelled or went away: there is no one left to tell.
            GrpcServerLog.CallCancelled(logger, method);
            return;
        }
        catch (Exception) when (deadlineCts?.IsCancellationRequested == true)
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.");
        }
        catch (RpcException ex)
        {
            status = ex.Status;
            foreach (var entry in ex.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }
        }
        catch (Exception ex)
        {
            // Details stay in the log: exception text can carry what a caller should not see.
            GrpcServerLog.HandlerFailed(logger, method, ex);
            status = new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }

        await FinishAsync(http, status, context.ResponseTrailers).ConfigureAwait(false);
    }

    protected abstract Task InvokeAsync(HttpContext http, ServerCallContext context, string? encoding);

    private static Metadata ReadMetadata(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcHeaders.IsReserved(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null && !HeaderMetadata.TryAdd(metadata, name, value))
                {
                    throw new ArgumentException($"header '{name}' is not valid gRPC metadata.");
                }
            }
        }

        return metadata;
    }

    private static async Task FinishAsync(HttpContext http, Status status, Metadata? trailers)
    {
        var response = http.Response;
        var code = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!response.HasStarted)
        {
            // Trailers-only: one HEADERS frame that ends the stream.
            response.Headers[GrpcHeaders.Status] = code;
            if (status.Detail.Length > 0)
            {
                response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode(status.Detail);
            }

            AppendMetadata(trailers, (k, v) => response.Headers.Append(k, v));
            return;
        }

        response.AppendTrailer(GrpcHeaders.Status, code);
        if (status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcHeaders.Message, PercentEncoding.Encode(status.Detail));
        }

        AppendMetadata(trailers, (k, v) => response.AppendTrailer(k, v));
        await response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }

    private static void AppendMetadata(Metadata? metadata, Action<string, string> append)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            append(entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value);
        }
    }
}
