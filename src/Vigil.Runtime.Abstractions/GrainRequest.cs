namespace Vigil.Runtime;

/// <summary>
/// One call to one grain method, with its arguments as plain fields. The source generator writes a subclass per
/// method, so calls are dispatched without reflection and can be serialized to cross silos.
/// </summary>
public abstract class GrainRequest<TResult>
{
    /// <summary>Interface and method, e.g. <c>IPodGrain.Observe</c>, for errors and metrics.</summary>
    public abstract string MethodName { get; }

    public abstract Task<TResult> InvokeAsync(object grain);
}
