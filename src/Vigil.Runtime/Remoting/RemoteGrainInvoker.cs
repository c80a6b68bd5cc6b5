using System.Collections.Concurrent;
using Google.Protobuf;
using Vigil.Grpc.Client;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>Sends grain calls to other silos over Vigil.Grpc, one channel (HTTP/2 connection pool) per silo.</summary>
public sealed class RemoteGrainInvoker : IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    public async Task<GrainCallResult> SendAsync(string address, GrainId grain, GrainRequest request, bool oneWay, TimeSpan timeout)
    {
        var channel = _channels.GetOrAdd(address, static a => new GrpcChannel(new Uri($"http://{a}")));
        return await channel.UnaryAsync(
            SiloCallsApi.Invoke,
            new GrainCallRequest
            {
                GrainType = grain.Type,
                GrainKey = grain.Key,
                RequestType = GrainCallCodec.TypeName(request),
                Arguments = ByteString.CopyFrom(GrainCallCodec.Encode(request)),
                OneWay = oneWay,
            },
            new CallOptions(Deadline: DateTimeOffset.UtcNow + timeout)).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
