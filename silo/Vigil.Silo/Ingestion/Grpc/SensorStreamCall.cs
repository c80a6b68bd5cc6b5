using System.Threading.Channels;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using Vigil.Contracts.V1;
using Vigil.Grains.Entities;
using Vigil.Grains.Security;
using Vigil.Grpc;
using Vigil.Grpc.Server;
using Vigil.Silo.Security;

namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>
/// One sensor's stream. The reader validates each batch and starts its dispatch without waiting for the last one
/// to finish (one sender's calls reach each grain in the order made, so order holds); the acknowledger awaits the
/// dispatches in the order they started and acknowledges each once its grains have committed, so an ack never
/// runs ahead of a batch still in flight. At <see cref="SensorIngestOptions.MaxBatchesInFlight"/>, or while the
/// commit queue is over its bound, the reader stops reading until a batch completes. A refused message ends the
/// call with its status only after the batches before it are acknowledged. The call's token is checked before
/// anything is read (UNAUTHENTICATED), and against the hello's cluster before the welcome (PERMISSION_DENIED); while
/// the stream runs it is checked again in the background, so a revoked token's stream ends within a batch or two
/// without the reader ever waiting on the token registry.
/// </summary>
internal sealed class SensorStreamCall(
    SensorIngestService service,
    IAsyncStreamReader<SensorMessage> requests,
    IAsyncStreamWriter<IngestReply> responses,
    ServerCallContext context)
{
    private readonly Channel<InFlightBatch> _inFlight = Channel.CreateUnbounded<InFlightBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
    private static readonly TimeSpan HealthReportInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private TaskCompletionSource _progress = NewSignal();
    private int _inFlightCount;
    private long _batches;
    private long _events;
    private DateTimeOffset _connectedAt;
    private DateTimeOffset _lastHealthReport = DateTimeOffset.MinValue;
    private string? _authorization;
    private Task<bool>? _recheck;

    public async Task RunAsync()
    {
        using var stop = _stop;
        var principal = await AuthenticateAsync().ConfigureAwait(false);
        SensorHello hello;
        try
        {
            hello = await ReadHelloAsync().ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            var refusal = Refusal(ex);
            SensorIngestService.LogRefused(service.Logger, "(before hello)", refusal.Status);
            throw refusal;
        }

        if (!TokenAuthenticator.Allows(principal, TokenRole.Ingest, hello.Cluster))
        {
            var forbidden = new RpcException(StatusCode.PermissionDenied, Forbidden(principal, hello.Cluster));
            SensorIngestService.LogForbidden(service.Logger, hello.SensorId, hello.Cluster, context.Peer, principal.TokenId, principal.Name, forbidden.Status);
            throw forbidden;
        }

        await responses.WriteAsync(new IngestReply
        {
            Welcome = new IngestWelcome { MaxMessageBytes = (uint)service.MaxMessageBytes, MaxBatchesInFlight = (uint)service.MaxBatchesInFlight },
        }).ConfigureAwait(false);
        SensorIngestService.LogConnected(service.Logger, hello.SensorId, hello.Node, hello.Cluster, hello.Version, hello.Incarnation, context.Peer);
        _connectedAt = service.Time.GetUtcNow();

        var acknowledger = AcknowledgeAsync(hello);
        RpcException? refused = null;
        try
        {
            await ReadBatchesAsync(hello).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            refused = Refusal(ex);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The acknowledger stopped the reading (a batch was not committed) or the caller went away.
        }
        finally
        {
            _inFlight.Writer.TryComplete();
        }

        var acknowledged = await acknowledger.ConfigureAwait(false);
        SensorIngestService.LogEnded(service.Logger, hello.SensorId, _batches, _events, acknowledged);
        if (acknowledged > 0)
        {
            await ReportHealthAsync(hello, force: true).ConfigureAwait(false);
        }
        if (refused is not null)
        {
            SensorIngestService.LogRefused(service.Logger, hello.SensorId, refused.Status);
            throw refused;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static RpcException InvalidArgument(string detail) => new(StatusCode.InvalidArgument, detail);

    /// <summary>The binding reports an unparseable message as INTERNAL; to a sender it is its own malformed input.</summary>
    private static RpcException Refusal(RpcException ex) =>
        ex.StatusCode == StatusCode.Internal && ex.InnerException is InvalidProtocolBufferException
            ? new RpcException(new Status(StatusCode.InvalidArgument, ex.Status.Detail), new Metadata(), ex)
            : ex;

    private static string Forbidden(TokenPrincipal principal, string cluster) =>
        principal.Role != TokenRole.Admin && principal.Role != TokenRole.Ingest
            ? $"This token's role is {TokenRoles.Name(principal.Role)}; the sensor stream needs an ingest token."
            : $"This token is scoped to cluster '{principal.Cluster}', not '{cluster}'.";

    /// <summary>The call's principal; throws UNAUTHENTICATED (or UNAVAILABLE when the registry cannot be asked) without reading the stream.</summary>
    private async Task<TokenPrincipal> AuthenticateAsync()
    {
        // Two authorization entries are ambiguous, as they are on the HTTP endpoint: neither is taken.
        var presented = context.RequestHeaders.Count(e => string.Equals(e.Key, "authorization", StringComparison.OrdinalIgnoreCase));
        TokenPrincipal? principal = null;
        if (presented == 1)
        {
            _authorization = context.RequestHeaders.GetValue("authorization");
            try
            {
                principal = await service.Authenticator.AuthenticateAsync(_authorization, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_stop.IsCancellationRequested)
            {
                SensorIngestService.LogAuthenticationFailed(service.Logger, context.Peer, ex);
                throw new RpcException(StatusCode.Unavailable, "The silo could not check the token just now; reconnect and try again.");
            }
        }

        if (principal is null)
        {
            var refusal = new RpcException(StatusCode.Unauthenticated, presented == 0
                ? "The sensor stream needs an ingest token: send it as 'authorization: Bearer TOKEN' metadata."
                : "The bearer token is unknown or revoked.");
            SensorIngestService.LogUnauthenticated(service.Logger, context.Peer, refusal.Status);
            throw refusal;
        }

        return principal;
    }

    /// <summary>
    /// Throws UNAUTHENTICATED, before <paramref name="sequence"/> is dispatched, once a check finds the token revoked.
    /// A check that has not finished does not hold the batch: the reader never waits on the token registry.
    /// </summary>
    private void ThrowIfRevoked(ulong sequence)
    {
        if (_recheck is { IsCompleted: false })
        {
            return;
        }

        if (_recheck is not { Result: false })
        {
            // Usually the snapshot is fresh and this completes at once, judging this very batch.
            _recheck = StillValidAsync();
        }

        if (_recheck is { IsCompleted: true, Result: false })
        {
            throw new RpcException(StatusCode.Unauthenticated, $"The bearer token was revoked; batch {sequence} and later were not applied.");
        }
    }

    /// <summary>Whether the call's token is still active. A check that fails (the registry out of reach) keeps the verdict the stream had: ingestion does not stop with the registry.</summary>
    private async Task<bool> StillValidAsync()
    {
        try
        {
            return await service.Authenticator.AuthenticateAsync(_authorization, _stop.Token).ConfigureAwait(false) is not null;
        }
        catch (Exception)
        {
            return true;
        }
    }

    private async Task<SensorHello> ReadHelloAsync()
    {
        if (!await requests.MoveNext(_stop.Token).ConfigureAwait(false))
        {
            throw InvalidArgument("The stream ended before its hello.");
        }

        if (requests.Current.KindCase != SensorMessage.KindOneofCase.Hello)
        {
            throw InvalidArgument($"The first message must be a hello, not {requests.Current.KindCase}.");
        }

        var hello = requests.Current.Hello;
        return SensorBatchValidator.HelloProblem(hello) is { } problem ? throw InvalidArgument(problem) : hello;
    }

    private async Task ReadBatchesAsync(SensorHello hello)
    {
        var known = service.Acknowledged.Get(hello.SensorId, hello.Incarnation);
        ulong previous = 0;
        while (true)
        {
            await AdmitAsync().ConfigureAwait(false);
            if (!await requests.MoveNext(_stop.Token).ConfigureAwait(false))
            {
                return;
            }

            // In a method of its own, so that no local of this loop holds the batch while the next one is awaited:
            // a parsed batch that outlives its commit survives a collection, and that is what makes pauses long.
            previous = TakeBatch(hello, known, previous);
        }
    }

    /// <summary>Validates the batch just read and starts its dispatch (or, a replay of an acknowledged one, not); returns its sequence.</summary>
    private ulong TakeBatch(SensorHello hello, ulong known, ulong previous)
    {
        var message = requests.Current;
        if (message.KindCase != SensorMessage.KindOneofCase.Batch)
        {
            throw InvalidArgument($"Only batches may follow the hello, not {message.KindCase}.");
        }

        var batch = message.Batch;
        if (SensorBatchValidator.BatchProblem(hello, batch, previous) is { } problem)
        {
            throw InvalidArgument(problem);
        }

        ThrowIfRevoked(batch.Sequence);
        var applied = batch.Sequence <= known ? Task.CompletedTask : service.Dispatcher.DispatchAsync(hello, batch);
        Interlocked.Increment(ref _inFlightCount);
        _inFlight.Writer.TryWrite(new InFlightBatch(batch.Sequence, batch.Events.Count, applied));
        return batch.Sequence;
    }

    /// <summary>Waits while this stream may not take another batch; every completed batch re-checks.</summary>
    private async Task AdmitAsync()
    {
        while (true)
        {
            Task progress;
            lock (_gate)
            {
                progress = _progress.Task;
            }

            var inFlight = Volatile.Read(ref _inFlightCount);
            if (inFlight < service.MaxBatchesInFlight && (inFlight == 0 || !service.CommitQueueOverBound))
            {
                return;
            }

            await progress.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Acknowledges batches in order as they commit; returns the last acknowledged, or throws UNAVAILABLE when one did not commit.</summary>
    /// <summary>
    /// Tells the sensor's node grain how the sensor is doing (one way, so a slow node grain never holds up acks): with
    /// the first acknowledgement, at most every <see cref="HealthReportInterval"/> after, and when the stream ends.
    /// Only a stream that got something acknowledged reports, so refused input changes nothing.
    /// </summary>
    private async Task ReportHealthAsync(SensorHello hello, bool force)
    {
        var now = service.Time.GetUtcNow();
        if (hello.Node.Length == 0 || (!force && now - _lastHealthReport < HealthReportInterval))
        {
            return;
        }
        _lastHealthReport = now;
        try
        {
            await service.Grains.GetGrain<INodeGrain>(EntityKeys.Node(hello.Cluster, hello.Node)).ReportSensorAsync(new SensorReport(
                hello.SensorId, hello.Version, hello.Incarnation, _connectedAt, now,
                Interlocked.Read(ref _batches), Interlocked.Read(ref _events), 0)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Health is a view, not evidence: losing one report must not end a sensor's stream.
            SensorIngestService.LogHealthReportFailed(service.Logger, hello.SensorId, ex);
        }
    }

    private async Task<ulong> AcknowledgeAsync(SensorHello hello)
    {
        ulong acknowledged = 0;
        Exception? failure = null;
        ulong failedAt = 0;
        var writing = true;
        // Not cancellable: every started dispatch is awaited, so none is left unobserved.
        await foreach (var batch in _inFlight.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await batch.Applied.ConfigureAwait(false);
            }
            catch (Exception ex) when (failure is null)
            {
                failure = ex;
                failedAt = batch.Sequence;
                await _stop.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Past the first failure nothing is acknowledged; the sender replays it all.
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _events, batch.Events);
            Interlocked.Decrement(ref _inFlightCount);
            Pulse();
            if (failure is not null)
            {
                continue;
            }

            acknowledged = batch.Sequence;
            if (_inFlight.Reader.TryPeek(out var next) && next.Applied.IsCompletedSuccessfully)
            {
                // The next one is done too: one cumulative ack covers both.
                continue;
            }

            service.Acknowledged.Note(hello.SensorId, hello.Incarnation, acknowledged);
            await ReportHealthAsync(hello, force: false).ConfigureAwait(false);
            if (writing)
            {
                try
                {
                    await responses.WriteAsync(new IngestReply
                    {
                        Ack = new BatchAck { SenderId = hello.SensorId, SenderIncarnation = hello.Incarnation, AcknowledgedThrough = acknowledged },
                    }).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RpcException or IOException or OperationCanceledException)
                {
                    // The caller is gone; what it missed it replays, and the grains ignore what they already hold.
                    writing = false;
                    await _stop.CancelAsync().ConfigureAwait(false);
                }
            }
        }

        if (failure is not null)
        {
            SensorIngestService.LogDispatchFailed(service.Logger, hello.SensorId, failedAt, acknowledged, failure);
            throw new RpcException(StatusCode.Unavailable, $"Batch {failedAt} could not be committed; reconnect and replay from {acknowledged + 1}.");
        }

        return acknowledged;
    }

    private void Pulse()
    {
        TaskCompletionSource progress;
        lock (_gate)
        {
            progress = _progress;
            _progress = NewSignal();
        }

        progress.TrySetResult();
    }
}
