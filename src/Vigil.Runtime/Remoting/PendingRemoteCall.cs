using Vigil.Grpc;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// One call waiting on a <see cref="SiloCallStream"/>: completed once, by its result, its deadline, or the stream
/// breaking, whichever comes first.
/// </summary>
internal sealed class PendingRemoteCall(GrainCallRequest message, int size)
{
    // Continuations run elsewhere: the stream's reader must not run callers' code between results.
    private readonly TaskCompletionSource<GrainCallResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _deadline;

    public GrainCallRequest Message { get; } = message;

    /// <summary>The encoded size of <see cref="Message"/>, counted once when it was made.</summary>
    public int Size { get; } = size;

    public Task<GrainCallResult> Task => _outcome.Task;

    public bool IsDone => _outcome.Task.IsCompleted;

    /// <summary>True once the call was handed to a stream the owner is reading: from then on it may run there.</summary>
    public bool Written { get; private set; }

    public void MarkWritten() => Written = true;

    public void StartDeadline(TimeProvider timeProvider, TimeSpan timeout, Action<PendingRemoteCall> expired)
    {
        // Timers cannot run past about 49 days; such a timeout is no timeout in practice.
        if (timeout < TimeSpan.FromDays(30))
        {
            _deadline = timeProvider.CreateTimer(static s => ((Action)s!)(), (Action)(() => expired(this)), timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public void Complete(GrainCallResult result)
    {
        switch (result.OutcomeCase)
        {
            case GrainCallResult.OutcomeOneofCase.Failure:
                var code = Enum.IsDefined((StatusCode)result.Failure.Code) && result.Failure.Code != 0 ? (StatusCode)result.Failure.Code : StatusCode.Unknown;
                Fail(new RpcException(code, result.Failure.Detail));
                break;
            case GrainCallResult.OutcomeOneofCase.None:
                Fail(new RpcException(StatusCode.Internal, $"The owner answered call {result.CallId} without an outcome."));
                break;
            default:
                _deadline?.Dispose();
                _outcome.TrySetResult(result);
                break;
        }
    }

    public void Fail(Exception exception)
    {
        _deadline?.Dispose();
        _outcome.TrySetException(exception);
    }
}
