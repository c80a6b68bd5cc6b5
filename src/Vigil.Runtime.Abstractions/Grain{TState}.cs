using System.Text.Json;

namespace Vigil.Runtime;

/// <summary>
/// A grain with persistent state: loaded before <see cref="Grain.OnActivateAsync"/>, written explicitly with
/// <see cref="WriteStateAsync"/> (durable when the task completes), and written on deactivation when marked dirty.
/// </summary>
public abstract class Grain<TState> : Grain
    where TState : new()
{
    private bool _dirty;

    protected TState State { get; set; } = new();

    /// <summary>The stored version this activation last read or wrote; 0 when nothing was ever stored.</summary>
    protected long StateVersion { get; private set; }

    protected async Task ReadStateAsync()
    {
        var stored = await Context.ReadStateAsync(CancellationToken.None).ConfigureAwait(false);
        State = stored?.Payload is { } payload ? JsonSerializer.Deserialize<TState>(payload) ?? new TState() : new TState();
        StateVersion = stored?.Version ?? 0;
        _dirty = false;
    }

    protected async Task WriteStateAsync()
    {
        StateVersion = await Context.WriteStateAsync(StateSerializer.Serialize(State), StateVersion).ConfigureAwait(false);
        _dirty = false;
    }

    protected async Task ClearStateAsync()
    {
        StateVersion = await Context.WriteStateAsync(null, StateVersion).ConfigureAwait(false);
        State = new TState();
        _dirty = false;
    }

    /// <summary>Asks for the state to be written when the activation deactivates, without a write now.</summary>
    protected void MarkStateDirty() => _dirty = true;

    private protected override async Task ActivateCoreAsync(CancellationToken cancellationToken)
    {
        await ReadStateAsync().ConfigureAwait(false);
        await OnActivateAsync(cancellationToken).ConfigureAwait(false);
    }

    private protected override async Task DeactivateCoreAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await OnDeactivateAsync(reason, cancellationToken).ConfigureAwait(false);
        if (_dirty)
        {
            await WriteStateAsync().ConfigureAwait(false);
        }
    }
}
