namespace Vigil.Runtime.Scheduling;

/// <summary>The first turn of every activation: construct the grain, load its state, run its activation hook.</summary>
internal sealed class ActivateWorkItem : WorkItem
{
    public override ValueTask ExecuteAsync(Activation activation) => new(activation.ActivateAsync());

    public override void Fail(Exception exception)
    {
    }
}
