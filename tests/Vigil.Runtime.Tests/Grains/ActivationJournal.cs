using System.Collections.Concurrent;

namespace Vigil.Runtime.Tests.Grains;

/// <summary>What activated and deactivated, with signals tests wait on instead of sleeping.</summary>
public sealed class ActivationJournal
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public void Activated(GrainId grain) => Add($"activated {grain}");

    public void Deactivated(GrainId grain, DeactivationReason reason) => Add($"deactivated {grain} {reason}");

    public int Count(string entry) => _entries.Count(e => e == entry);

    public Task WaitForAsync(string entry) => Signal(entry).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        Signal(entry).TrySetResult();
    }

    private TaskCompletionSource Signal(string entry) =>
        _signals.GetOrAdd(entry, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
