namespace Vigil.Runtime;

/// <summary>The base of generated grain references: an identity and where to send calls. Holds no grain state.</summary>
public abstract class GrainReference(GrainId id, IGrainCallInvoker invoker)
{
    public GrainId Id { get; } = id;

    protected IGrainCallInvoker Invoker { get; } = invoker;

    public override string ToString() => Id.ToString();
}
