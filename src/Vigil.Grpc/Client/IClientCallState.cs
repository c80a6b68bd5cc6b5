namespace Vigil.Grpc.Client;

/// <summary>What every call object exposes of its wire call, whatever its message types.</summary>
internal interface IClientCallState : IDisposable
{
    Task<Metadata> GetResponseHeadersAsync();

    Status GetStatus();

    Metadata GetTrailers();
}
