namespace Vigil.Runtime.Persistence;

/// <summary>A write waiting in the commit queue, with the signal that fires after its transaction commits.</summary>
internal sealed class PendingWrite(StateWrite write)
{
    private readonly TaskCompletionSource<long> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateWrite Write => write;

    public Task<long> Committed => _committed.Task;

    public void Complete(long version) => _committed.TrySetResult(version);

    public void Fail(Exception exception) => _committed.TrySetException(exception);
}
