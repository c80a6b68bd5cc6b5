using Vigil.Runtime.Tests.Grains;

namespace Vigil.Runtime.Tests.Remoting;

public sealed class GatedGrain(SiloName silo, CallGate gate) : Grain, IGatedGrain
{
    public async Task<string> PassAsync(string tag)
    {
        gate.Enter(tag);
        await gate.Opened;
        return $"{silo.Name}:{tag}";
    }

    public Task PassLaterAsync(string tag) => PassAsync(tag);
}
