using Vigil.Runtime.Remoting;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>Grain references whose every call goes through one <see cref="RemoteGrainInvoker"/> to one silo, with no runtime in between.</summary>
public sealed class DirectInvoker(RemoteGrainInvoker remote, string address, TimeSpan timeout) : IGrainCallInvoker
{
    public TGrain Get<TGrain>(string key)
        where TGrain : IGrain => GrainReferenceRegistry.Create<TGrain>(key, this);

    public async Task<TResult> InvokeAsync<TResult>(GrainId grain, GrainRequest<TResult> request)
    {
        var result = await remote.SendAsync(address, grain, request, oneWay: false, timeout);
        return result.OutcomeCase switch
        {
            GrainCallResult.OutcomeOneofCase.Value => GrainCallCodec.DecodeResult<TResult>(result.Value.Span),
            GrainCallResult.OutcomeOneofCase.Error => throw new RemoteGrainException(result.Error.Type, result.Error.Message),
            _ => throw new InvalidOperationException($"Unexpected outcome {result.OutcomeCase} '{result.Redirect}'."),
        };
    }

    public void InvokeOneWay<TResult>(GrainId grain, GrainRequest<TResult> request) =>
        _ = remote.SendAsync(address, grain, request, oneWay: true, timeout);
}
