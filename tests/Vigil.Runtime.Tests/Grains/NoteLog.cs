using System.Collections.Concurrent;

namespace Vigil.Runtime.Tests.Grains;

/// <summary>Notes that reached a grain, with a signal for when enough have arrived.</summary>
public sealed class NoteLog
{
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;

    public IReadOnlyCollection<string> Notes => _notes;

    public Task WaitForAsync(int count)
    {
        _expected = count;
        if (_notes.Count >= count)
        {
            _enough.TrySetResult();
        }

        return _enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Add(string note)
    {
        _notes.Enqueue(note);
        if (_notes.Count >= _expected)
        {
            _enough.TrySetResult();
        }
    }
}
