namespace Vigil.Runtime;

/// <summary>Hands out references to grains. A reference is cheap and always valid: the grain activates on its first call.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey;
}
