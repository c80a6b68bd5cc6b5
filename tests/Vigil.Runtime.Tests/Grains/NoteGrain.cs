namespace Vigil.Runtime.Tests.Grains;

public sealed class NoteGrain(ActivationJournal journal) : Grain<NoteState>, INoteGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Activated(GrainId);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Deactivated(GrainId, reason);
        return Task.CompletedTask;
    }

    public Task SetAsync(string text)
    {
        State.Text = text;
        return WriteStateAsync();
    }

    public Task SetLaterAsync(string text)
    {
        State.Text = text;
        MarkStateDirty();
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync() => Task.FromResult(State.Text);

    public Task ClearAsync() => ClearStateAsync();
}
