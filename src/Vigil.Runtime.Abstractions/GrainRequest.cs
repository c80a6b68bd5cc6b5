namespace Vigil.Runtime;

/// <summary>
/// One call to one grain method, with its arguments as plain fields. The source generator writes a subclass per
/// method, so calls are dispatched without reflection and can be serialized to cross silos.
/// </summary>
public abstract class GrainRequest
{
    /// <summary>Interface and method, e.g. <c>IPodGrain.Observe</c>, for errors and metrics.</summary>
    public abstract string MethodName { get; }

    /// <summary>The method's result type (<see cref="GrainVoid"/> for none).</summary>
    public abstract Type ResultType { get; }

    /// <summary>Sends this request through <paramref name="invoker"/> when its result type is known only at run time.</summary>
    public abstract Task<object?> InvokeBoxedAsync(IGrainCallInvoker invoker, GrainId grain);
}
