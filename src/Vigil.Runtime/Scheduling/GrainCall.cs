using Microsoft.Extensions.Logging;

namespace Vigil.Runtime.Scheduling;

/// <summary>A queued call: the request, its completion, and when it was made (for the call timeout).</summary>
internal sealed class GrainCall<TResult>(GrainRequest<TResult> request, long startTimestamp, bool oneWay, ILogger logger)
    : WorkItem, ITimedCall
{
    // Continuations run off the activation's turn, so a caller's code never extends a grain's turn.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _methodName = request.MethodName;

    // Dropped once invoked: a call runs once, and its arguments (a batch of events) need not outlive the grain's use of them.
    private GrainRequest<TResult>? _request = request;

    public Task<TResult> Task => _completion.Task;

    public long StartTimestamp => startTimestamp;

    public string MethodName => _methodName;

    public bool IsCompleted => _completion.Task.IsCompleted;

    public override ValueTask ExecuteAsync(Activation activation)
    {
        if (_completion.Task.IsCompleted)
        {
            // The caller already gave up (timeout): do not run work nobody waits for.
            return default;
        }

        Task<TResult> task;
        try
        {
            var request = _request ?? throw new InvalidOperationException($"The call {_methodName} was already run.");
            _request = null;
            task = request.InvokeAsync(activation.Grain);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return default;
        }

        if (task.IsCompletedSuccessfully)
        {
            _completion.TrySetResult(task.Result);
            return default;
        }

        return AwaitAsync(task);
    }

    public override void Fail(Exception exception)
    {
        if (_completion.TrySetException(exception) && oneWay)
        {
            RuntimeLog.OneWayCallFailed(logger, _methodName, exception);
        }
    }

    public void TimeOut(GrainId grain, TimeSpan timeout) => Fail(new GrainCallTimeoutException(grain, _methodName, timeout));

    public void Resend(GrainRuntime runtime, GrainId grain)
    {
        if (_completion.Task.IsCompleted)
        {
            // Its caller already gave up: do not run it on the next owner.
            return;
        }

        if (_request is not { } request)
        {
            // Only calls still waiting are handed over; one that ran must not run again elsewhere.
            Fail(new InvalidOperationException($"The call {_methodName} already ran and cannot follow its grain."));
            return;
        }

        runtime.InvokeAsync(grain, request).ContinueWith(
            static (task, state) =>
            {
                var call = (GrainCall<TResult>)state!;
                if (task.IsCompletedSuccessfully)
                {
                    call._completion.TrySetResult(task.Result);
                }
                else
                {
                    call.Fail(task.Exception?.InnerException ?? new OperationCanceledException());
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async ValueTask AwaitAsync(Task<TResult> task)
    {
        try
        {
            _completion.TrySetResult(await task.ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }
}
