using System.Collections.Concurrent;
using System.Threading.Channels;
using Vigil.Grpc;
using Vigil.Grpc.Client;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// The caller's end of one Call stream to one silo. Calls queue here; a single writer sends whatever is queued
/// whenever it is free (never waiting for company), and a single reader completes calls by id as results arrive.
/// Nothing is written before the owner's first (empty) message says it reads the stream. Once broken, a stream
/// stays broken and the invoker opens a new one. Its unanswered calls fail as UNAVAILABLE (safe to send again
/// elsewhere) when they never left this silo or when the owner ended the stream in order, having answered all it
/// admitted; calls written before an abrupt break fail as ABORTED: they may have run, so they are not resent.
/// </summary>
internal sealed class SiloCallStream
{
    private readonly string _address;
    private readonly TimeProvider _timeProvider;
    private readonly RemoteCallCounters _counters;
    private readonly Channel<PendingRemoteCall> _queued = Channel.CreateUnbounded<PendingRemoteCall>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<ulong, PendingRemoteCall> _waiting = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AsyncDuplexStreamingCall<GrainCallBatch, GrainCallResultBatch> _call;
    private readonly Action<PendingRemoteCall> _expire;
    private long _lastCallId;
    private int _broken;
    private string _brokenBecause = string.Empty;

    public SiloCallStream(GrpcChannel channel, string address, TimeProvider timeProvider, RemoteCallCounters counters)
    {
        _address = address;
        _timeProvider = timeProvider;
        _counters = counters;
        _expire = Expire;
        _call = channel.DuplexStreaming(SiloCallsApi.Call, new CallOptions(CancellationToken: _ended.Token));
        counters.StreamOpened();
        var writing = WriteAsync();
        var reading = ReadAsync();

        // Disposed only once neither loop can touch the call any more (and not inline in a loop's last step).
        _ = Task.WhenAll(writing, reading).ContinueWith(
            static (_, call) => ((IDisposable)call!).Dispose(),
            _call,
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    public bool IsBroken => Volatile.Read(ref _broken) != 0;

    /// <summary>Queues the call; its task ends with the owner's result, DEADLINE_EXCEEDED, or UNAVAILABLE.</summary>
    public Task<GrainCallResult> Send(GrainCallRequest message, int size, TimeSpan timeout)
    {
        message.CallId = (ulong)Interlocked.Increment(ref _lastCallId);
        var call = new PendingRemoteCall(message, size);
        _waiting[message.CallId] = call;
        call.StartDeadline(_timeProvider, timeout, _expire);

        // A stream that broke has completed the queue first and then failed what it was waiting for, so a call
        // that gets into the queue is seen by that sweep, and one that does not is failed here.
        if (!_queued.Writer.TryWrite(call) && _waiting.TryRemove(message.CallId, out _))
        {
            call.Fail(Unavailable());
        }

        return call.Task;
    }

    /// <summary>Ends the stream (resetting it) and fails every call still waiting on it.</summary>
    public void Break(string because) => Break(because, inOrder: false);

    private void Break(string because, bool inOrder)
    {
        if (Interlocked.Exchange(ref _broken, 1) != 0)
        {
            return;
        }

        _brokenBecause = because;
        _queued.Writer.TryComplete();
        _ended.Cancel();
        foreach (var id in _waiting.Keys)
        {
            if (_waiting.TryRemove(id, out var call))
            {
                call.Fail(call.Written && !inOrder ? OutcomeUnknown() : Unavailable());
            }
        }
    }

    private async Task WriteAsync()
    {
        var batch = new GrainCallBatch();
        var reader = _queued.Reader;
        try
        {
            await _reading.Task.WaitAsync(_ended.Token).ConfigureAwait(false);
            while (await reader.WaitToReadAsync(_ended.Token).ConfigureAwait(false))
            {
                batch.Calls.Clear();
                var bytes = 0;
                while (batch.Calls.Count < SiloCallLimits.MaxCallsPerMessage && reader.TryPeek(out var next))
                {
                    var size = next.Size + SiloCallLimits.EntryOverhead;
                    if (batch.Calls.Count > 0 && bytes + size > SiloCallLimits.TargetMessageBytes)
                    {
                        break;
                    }

                    reader.TryRead(out _);

                    // A call whose deadline passed while it queued is never sent.
                    if (!next.IsDone)
                    {
                        next.MarkWritten();
                        batch.Calls.Add(next.Message);
                        bytes += size;
                    }
                }

                if (batch.Calls.Count > 0)
                {
                    await _call.RequestStream.WriteAsync(batch).ConfigureAwait(false);
                    _counters.BatchSent(batch.Calls.Count);
                }
            }
        }
        catch (Exception ex)
        {
            Break(Describe(ex));
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext().ConfigureAwait(false))
            {
                _reading.TrySetResult();
                foreach (var result in _call.ResponseStream.Current.Results)
                {
                    // An id not waiting is a call that timed out here; its late result is dropped.
                    if (_waiting.TryRemove(result.CallId, out var call))
                    {
                        call.Complete(result);
                    }
                }
            }

            Break("the owner ended the stream", inOrder: true);
        }
        catch (Exception ex)
        {
            Break(Describe(ex));
        }
    }

    private void Expire(PendingRemoteCall call)
    {
        if (_waiting.TryRemove(call.Message.CallId, out _))
        {
            call.Fail(new RpcException(StatusCode.DeadlineExceeded, $"No result from {_address} within the call's deadline."));
        }
    }

    private RpcException OutcomeUnknown() =>
        new(StatusCode.Aborted, $"The call stream to {_address} broke after the call was sent ({_brokenBecause}): it may or may not have run there.");

    private RpcException Unavailable() =>
        new(StatusCode.Unavailable, $"The call stream to {_address} broke: {_brokenBecause}");

    private static string Describe(Exception exception) => exception switch
    {
        RpcException rpc => rpc.Status.ToString(),
        OperationCanceledException => "closed by this silo",
        _ => exception.Message,
    };
}
