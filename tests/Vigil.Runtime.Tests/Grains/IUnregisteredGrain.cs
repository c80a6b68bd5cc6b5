namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.unregistered")]
public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task PingAsync();
}
