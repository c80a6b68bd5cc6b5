using Microsoft.Extensions.Logging;

namespace Vigil.Runtime.Scheduling;

/// <summary>
/// A grain timer on the runtime's clock. A tick is queued as a turn unless the previous one has not run yet, so
/// callbacks never overlap and never pile up behind a busy grain.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly Activation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private int _pending;

    public GrainTimer(Activation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, TimeProvider timeProvider, ILogger logger)
    {
        _activation = activation;
        _callback = callback;
        _logger = logger;
        _timer = timeProvider.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period);
    }

    public async Task RunCallbackAsync()
    {
        try
        {
            if (!_disposed.IsCancellationRequested)
            {
                await _callback(_disposed.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!_disposed.IsCancellationRequested || ex is not OperationCanceledException)
        {
            RuntimeLog.TimerFailed(_logger, _activation.Id, ex);
        }
        finally
        {
            Volatile.Write(ref _pending, 0);
        }
    }

    public void TickDropped() => Volatile.Write(ref _pending, 0);

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _timer.Dispose();
            _activation.RemoveTimer(this);
        }
    }

    private void OnTick()
    {
        if (!_disposed.IsCancellationRequested && Interlocked.Exchange(ref _pending, 1) == 0 && !_activation.TryEnqueue(new TimerTick(this)))
        {
            Volatile.Write(ref _pending, 0);
        }
    }
}
