namespace Vigil.Runtime.Tests.Grains;

/// <summary>Holds a grain's turn open until the test lets go, so a timeout can be seen without leaving a turn stuck.</summary>
public sealed class HangGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Released => _open.Task;

    /// <summary>Completes when a grain's call reached the gate.</summary>
    public Task Entered => _entered.Task;

    public Task EnterAndWait()
    {
        _entered.TrySetResult();
        return _open.Task;
    }

    public void Open() => _open.TrySetResult();
}
