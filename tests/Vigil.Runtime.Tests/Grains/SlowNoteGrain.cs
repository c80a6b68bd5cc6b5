namespace Vigil.Runtime.Tests.Grains;

/// <summary>A note grain whose deactivation hook waits for the test's <see cref="HangGate"/>.</summary>
public sealed class SlowNoteGrain(ActivationJournal journal, HangGate gate) : Grain<NoteState>, ISlowNoteGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Activated(GrainId);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Deactivated(GrainId, reason);
        await gate.Released;
    }

    public Task SetLaterAsync(string text)
    {
        State.Text = text;
        MarkStateDirty();
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync() => Task.FromResult(State.Text);
}
