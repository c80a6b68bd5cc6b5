namespace Vigil.Runtime.Scheduling;

/// <summary>One turn's worth of work for an activation: a call, a timer tick, activation or deactivation.</summary>
internal abstract class WorkItem
{
    /// <summary>Runs the turn. Work items report their own failures; this never throws.</summary>
    public abstract ValueTask ExecuteAsync(Activation activation);

    /// <summary>Fails the work without running it (the activation could not be created, or the silo is stopping).</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Whether running this counts as activity that keeps the activation from idle collection.</summary>
    public virtual bool IsActivity => true;
}
