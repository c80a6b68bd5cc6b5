namespace Vigil.Runtime;

/// <summary>
/// The base of every grain. An activation runs one turn at a time, so grain code needs no locks; it activates on
/// its first call and deactivates when idle.
/// </summary>
public abstract class Grain : IGrainLifecycle
{
    private IGrainContext? _context;

    protected IGrainContext Context => _context ?? throw new InvalidOperationException("The grain is not attached to an activation.");

    protected GrainId GrainId => Context.Id;

    protected string Key => Context.Id.Key;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    protected TimeProvider TimeProvider => Context.TimeProvider;

    void IGrainLifecycle.Attach(IGrainContext context) => _context = context;

    Task IGrainLifecycle.ActivateAsync(CancellationToken cancellationToken) => ActivateCoreAsync(cancellationToken);

    Task IGrainLifecycle.DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        DeactivateCoreAsync(reason, cancellationToken);

    /// <summary>Runs as the activation's first turn, before any call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs as the activation's last turn. Not run if the silo crashes: never rely on it alone for durability.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    private protected virtual Task ActivateCoreAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);

    private protected virtual Task DeactivateCoreAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        OnDeactivateAsync(reason, cancellationToken);
}
