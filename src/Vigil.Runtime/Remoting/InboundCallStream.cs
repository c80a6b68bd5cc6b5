using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Vigil.Grpc;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// The owner's end of one caller's Call stream. Requests are admitted in the order read, at most
/// <see cref="SiloCallServiceOptions.MaxCallsInFlightPerStream"/> unanswered at a time (past that, reading waits);
/// each result is queued the moment its call completes, and one writer sends what is queued.
/// </summary>
internal sealed class InboundCallStream(
    GrainRuntime runtime,
    IShardRouter? router,
    IAsyncStreamReader<GrainCallBatch> requests,
    IAsyncStreamWriter<GrainCallResultBatch> responses,
    int maxInFlight,
    ILogger logger)
{
    private readonly SemaphoreSlim _slots = new(maxInFlight);
    private readonly Channel<(GrainCallResult Result, bool FreesSlot)> _answered =
        Channel.CreateUnbounded<(GrainCallResult Result, bool FreesSlot)>(new UnboundedChannelOptions { SingleReader = true });
    private int _unanswered;
    private int _readingDone;

    /// <summary>
    /// Serves the stream until the caller ends it, goes away, or <paramref name="stopping"/> fires. Calls already
    /// admitted are answered before it returns (unless the caller has gone); requests left unread never ran, so
    /// when the stream ends in order the caller may send its unanswered calls again elsewhere.
    /// </summary>
    public async Task RunAsync(CancellationToken callToken, CancellationToken stopping)
    {
        // An empty batch before anything is read tells the caller this silo is reading its stream: from then on a
        // call it writes may run here, so a stream that breaks leaves such calls' outcome unknown, not retryable.
        await responses.WriteAsync(new GrainCallResultBatch(), callToken).ConfigureAwait(false);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(callToken, stopping);
        var writing = WriteAsync(reading, callToken);
        Exception? readFailure = null;
        try
        {
            await ReadAsync(reading.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (reading.IsCancellationRequested && !callToken.IsCancellationRequested)
        {
            // Stopping (or the writer failed, which it reports itself): what is unread stays unread.
        }
        catch (Exception ex)
        {
            // A request this side cannot read ends the stream, but only after the calls admitted are answered.
            readFailure = ex;
        }

        Interlocked.Exchange(ref _readingDone, 1);
        if (Volatile.Read(ref _unanswered) == 0)
        {
            _answered.Writer.TryComplete();
        }

        await writing.ConfigureAwait(false);
        if (readFailure is not null)
        {
            ExceptionDispatchInfo.Throw(readFailure);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            foreach (var message in requests.Current.Calls)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _unanswered);
                Admit(message);
            }
        }
    }

    /// <summary>Starts the call (in read order, so one grain gets its calls in the order sent), or answers at once.</summary>
    private void Admit(GrainCallRequest message)
    {
        if (message.GrainType.Length == 0)
        {
            Answer(Failure(message.CallId, StatusCode.InvalidArgument, "The call names no grain type."));
            return;
        }

        var grain = new GrainId(message.GrainType, message.GrainKey);
        if (router?.OwnerOf(grain.Shard) is { } owner)
        {
            Answer(new GrainCallResult { CallId = message.CallId, Redirect = owner });
            return;
        }

        GrainRequest request;
        try
        {
            request = GrainCallCodec.Decode(message.RequestType, message.Arguments.Span);
        }
        catch (Exception ex)
        {
            // Whatever a peer's bytes make the decoder throw is that call's failure alone, never the stream's.
            Answer(Failure(message.CallId, StatusCode.InvalidArgument, ex.Message));
            return;
        }

        var running = request.InvokeBoxedAsync(runtime, grain);
        if (!message.OneWay)
        {
            _ = AnswerWhenDoneAsync(message.CallId, request, running);
            return;
        }

        // The caller is told at once, but the call keeps its slot until it has run: a flood of one-way calls is
        // bounded like any other, not read without limit into the grains' mailboxes.
        Answer(new GrainCallResult { CallId = message.CallId, Value = ByteString.Empty }, freesSlot: false);
        _ = running.ContinueWith(
            t =>
            {
                _slots.Release();
                if (t.IsFaulted)
                {
                    RuntimeLog.OneWayCallFailed(logger, request.MethodName, t.Exception!);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    private async Task AnswerWhenDoneAsync(ulong callId, GrainRequest request, Task<object?> running)
    {
        GrainCallResult result;
        try
        {
            var value = GrainCallCodec.EncodeResult(await running.ConfigureAwait(false), request.ResultType);
            result = SiloCallLimits.FitsInMessage(value.Length + 16)
                ? new GrainCallResult { CallId = callId, Value = ByteString.CopyFrom(value) }
                : Failure(callId, StatusCode.ResourceExhausted, $"The result of {request.MethodName} is {value.Length} bytes; a message between silos carries at most {SiloCallLimits.MaxMessageBytes}.");
        }
        catch (Exception ex)
        {
            result = new GrainCallResult { CallId = callId, Error = new GrainCallError { Type = ex.GetType().FullName ?? ex.GetType().Name, Message = ex.Message } };
        }

        Answer(result);
    }

    // Fails only once the writer has given up, when there is no one to answer.
    private void Answer(GrainCallResult result, bool freesSlot = true) => _answered.Writer.TryWrite((result, freesSlot));

    private async Task WriteAsync(CancellationTokenSource reading, CancellationToken callToken)
    {
        var batch = new GrainCallResultBatch();
        var answered = _answered.Reader;
        try
        {
            while (await answered.WaitToReadAsync(callToken).ConfigureAwait(false))
            {
                batch.Results.Clear();
                var bytes = 0;
                var freed = 0;
                while (batch.Results.Count < SiloCallLimits.MaxCallsPerMessage && answered.TryPeek(out var next))
                {
                    var size = next.Result.CalculateSize() + SiloCallLimits.EntryOverhead;
                    if (batch.Results.Count > 0 && bytes + size > SiloCallLimits.TargetMessageBytes)
                    {
                        break;
                    }

                    answered.TryRead(out _);
                    batch.Results.Add(next.Result);
                    bytes += size;
                    freed += next.FreesSlot ? 1 : 0;
                }

                await responses.WriteAsync(batch, callToken).ConfigureAwait(false);
                var sent = batch.Results.Count;
                if (freed > 0)
                {
                    _slots.Release(freed);
                }
                if (Interlocked.Add(ref _unanswered, -sent) == 0 && Volatile.Read(ref _readingDone) != 0)
                {
                    _answered.Writer.TryComplete();
                }
            }
        }
        catch
        {
            // Nothing more can be answered: stop admitting calls whose results would go nowhere.
            _answered.Writer.TryComplete();
            await reading.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static GrainCallResult Failure(ulong callId, StatusCode code, string detail) =>
        new() { CallId = callId, Failure = new GrainCallFailure { Code = (int)code, Detail = detail } };
}
