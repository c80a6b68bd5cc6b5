namespace Vigil.Runtime.Scheduling;

/// <summary>A deactivation queued behind the calls already waiting; it completes once the activation is gone.</summary>
internal sealed class DeactivateWorkItem(DeactivationReason reason) : WorkItem
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _done.Task;

    public override bool IsActivity => false;

    public override async ValueTask ExecuteAsync(Activation activation)
    {
        await activation.DeactivateAsync(reason).ConfigureAwait(false);
        _done.TrySetResult();
    }

    public override void Fail(Exception exception) => _done.TrySetResult();
}
