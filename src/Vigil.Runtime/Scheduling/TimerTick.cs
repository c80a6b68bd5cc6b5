namespace Vigil.Runtime.Scheduling;

/// <summary>A timer callback run as a turn. Ticks are not activity: a timer alone does not keep a grain alive.</summary>
internal sealed class TimerTick(GrainTimer timer) : WorkItem
{
    public override bool IsActivity => false;

    public override async ValueTask ExecuteAsync(Activation activation) => await timer.RunCallbackAsync().ConfigureAwait(false);

    public override void Fail(Exception exception) => timer.TickDropped();
}
