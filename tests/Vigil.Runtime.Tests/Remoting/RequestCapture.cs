namespace Vigil.Runtime.Tests.Remoting;

/// <summary>Records the generated request a grain reference makes, so a test can put it on the wire by hand.</summary>
public sealed class RequestCapture : IGrainCallInvoker
{
    public GrainRequest? Last { get; private set; }

    public static GrainRequest Of<TGrain>(Func<TGrain, Task> call)
        where TGrain : IGrain
    {
        var capture = new RequestCapture();
        _ = call(GrainReferenceRegistry.Create<TGrain>("captured", capture));
        return capture.Last ?? throw new InvalidOperationException("The call made no request.");
    }

    public Task<TResult> InvokeAsync<TResult>(GrainId grain, GrainRequest<TResult> request)
    {
        Last = request;
        return new TaskCompletionSource<TResult>().Task;
    }

    public void InvokeOneWay<TResult>(GrainId grain, GrainRequest<TResult> request) => Last = request;
}
