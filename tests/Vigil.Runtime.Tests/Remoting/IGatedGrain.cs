namespace Vigil.Runtime.Tests.Remoting;

[GrainType("test.gated")]
public interface IGatedGrain : IGrainWithStringKey
{
    /// <summary>Says it has started, then returns only once the test opens the silo's <see cref="CallGate"/>.</summary>
    Task<string> PassAsync(string tag);

    /// <summary>The same, one-way: the caller is not kept waiting.</summary>
    [OneWay]
    Task PassLaterAsync(string tag);
}
