using Vigil.Benchmarks.Messages;
using Vigil.Grpc;
using Vigil.Grpc.Server;

namespace Vigil.Benchmarks.Grpc;

/// <summary>Parses and discards batches, counting events: the binding's cost with no work behind it.</summary>
public sealed class BenchService : IGrpcService
{
    public void Bind(GrpcServiceBinder binder) => binder
        .ClientStreaming(BenchApi.Ingest, IngestAsync)
        .Unary(BenchApi.Echo, (ping, _) => Task.FromResult(ping));

    private static async Task<BenchAck> IngestAsync(IAsyncStreamReader<BenchBatch> batches, ServerCallContext context)
    {
        long count = 0;
        while (await batches.MoveNext())
        {
            count += batches.Current.Events.Count;
        }

        return new BenchAck { Count = count };
    }
}
