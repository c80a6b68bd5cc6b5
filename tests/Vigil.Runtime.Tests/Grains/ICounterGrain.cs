namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Yields in the middle, so overlapping turns would show in the probe.</summary>
    Task<int> WorkAsync();

    Task<int> GetCountAsync();

    ValueTask<string> WhoAmIAsync();
}
