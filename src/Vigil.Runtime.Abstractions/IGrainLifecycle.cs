namespace Vigil.Runtime;

/// <summary>How the runtime drives a grain; grain code overrides the hooks on <see cref="Grain"/> instead.</summary>
public interface IGrainLifecycle
{
    void Attach(IGrainContext context);

    Task ActivateAsync(CancellationToken cancellationToken);

    Task DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken);
}
