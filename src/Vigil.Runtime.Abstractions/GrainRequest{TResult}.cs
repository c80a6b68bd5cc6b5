namespace Vigil.Runtime;

/// <summary>A call whose result is <typeparamref name="TResult"/>.</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    public override Type ResultType => typeof(TResult);

    public abstract Task<TResult> InvokeAsync(object grain);

    public override async Task<object?> InvokeBoxedAsync(IGrainCallInvoker invoker, GrainId grain) =>
        await invoker.InvokeAsync(grain, this).ConfigureAwait(false);
}
