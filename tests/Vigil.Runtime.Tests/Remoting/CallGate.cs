using System.Collections.Concurrent;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>Holds gated calls until the test opens it, and tells the test which calls have reached the grain.</summary>
public sealed class CallGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _entered = new();
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public Task Opened => _opened.Task;

    /// <summary>Tags of the calls that have started, in the order they started (a resent call appears twice).</summary>
    public IReadOnlyCollection<string> Entered => _entered;

    public void Open() => _opened.TrySetResult();

    public void Enter(string tag)
    {
        lock (_lock)
        {
            _entered.Enqueue(tag);
            foreach (var waiter in _waiters.Where(w => _entered.Count >= w.Count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    public async Task WaitForEnteredAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_entered.Count >= count)
            {
                return;
            }

            _waiters.Add((count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited for {count} gated calls to start; saw [{string.Join(", ", _entered)}].");
        }
    }
}
