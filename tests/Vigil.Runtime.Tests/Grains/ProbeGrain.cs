namespace Vigil.Runtime.Tests.Grains;

public sealed class ProbeGrain(ActivationJournal journal, ConcurrencyProbe probe, HangGate gate) : Grain, IProbeGrain
{
    private readonly List<string> _recorded = [];
    private int _ticks;

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

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task HangAsync() => gate.Released;

    public Task TakeAndHangAsync(byte[] payload) => gate.EnterAndWait();

    public Task StartTimerAsync(TimeSpan period)
    {
        RegisterTimer(
            async _ =>
            {
                probe.Enter();
                await Task.Yield();
                _ticks++;
                probe.Leave();
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task<int> TimerTicksAsync()
    {
        probe.Enter();
        probe.Leave();
        return Task.FromResult(_ticks);
    }

    public Task RecordAsync(string value)
    {
        if (value == "boom")
        {
            throw new InvalidOperationException("one-way failure");
        }

        _recorded.Add(value);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> RecordedAsync() => Task.FromResult<IReadOnlyList<string>>([.. _recorded]);

    public Task SelfDestructAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
