namespace Vigil.Runtime;

/// <summary>Where grain references send their calls: the runtime, local or remote.</summary>
public interface IGrainCallInvoker
{
    Task<TResult> InvokeAsync<TResult>(GrainId grain, GrainRequest<TResult> request);

    void InvokeOneWay<TResult>(GrainId grain, GrainRequest<TResult> request);
}
