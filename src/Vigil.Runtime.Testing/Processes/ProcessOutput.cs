namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// The recent output lines of a child (a bounded tail, for failure messages) and waiters for a line to appear:
/// an explicit signal to wait on instead of a sleep.
/// </summary>
internal sealed class ProcessOutput(int keep)
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private bool _closed;

    public string Tail
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    public void Add(string? line)
    {
        lock (_gate)
        {
            if (line is null)
            {
                // The pipe closed: nothing more will come, so nobody should keep waiting for a line.
                _closed = true;
                foreach (var (_, found) in _waiters)
                {
                    found.TrySetException(new EndOfStreamException("The process closed its output."));
                }

                _waiters.Clear();
                return;
            }

            _tail.Enqueue(line);
            if (_tail.Count > keep)
            {
                _tail.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Found.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The next line (from now on) that matches; fails when the output ends first.</summary>
    public Task<string> NextAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closed)
            {
                found.SetException(new EndOfStreamException("The process closed its output."));
            }
            else
            {
                _waiters.Add((match, found));
            }
        }

        return found.Task;
    }
}
