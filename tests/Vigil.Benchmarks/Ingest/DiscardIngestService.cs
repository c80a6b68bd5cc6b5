using Vigil.Contracts.Events.V1;
using Vigil.Contracts.V1;
using Vigil.Grpc;
using Vigil.Grpc.Server;
using Vigil.Silo.Ingestion.Grpc;

namespace Vigil.Benchmarks.Ingest;

/// <summary>The raw ceiling: the same protocol, each batch parsed, discarded and acknowledged at once.</summary>
public sealed class DiscardIngestService : IGrpcService
{
    public void Bind(GrpcServiceBinder binder) => binder.DuplexStreaming(SensorIngestMethods.Stream, StreamAsync);

    private static async Task StreamAsync(IAsyncStreamReader<SensorMessage> requests, IAsyncStreamWriter<IngestReply> responses, ServerCallContext context)
    {
        if (!await requests.MoveNext())
        {
            return;
        }

        var hello = requests.Current.Hello;
        await responses.WriteAsync(new IngestReply { Welcome = new IngestWelcome { MaxMessageBytes = 4 << 20, MaxBatchesInFlight = 16 } });
        while (await requests.MoveNext())
        {
            await responses.WriteAsync(new IngestReply
            {
                Ack = new BatchAck { SenderId = hello.SensorId, SenderIncarnation = hello.Incarnation, AcknowledgedThrough = requests.Current.Batch.Sequence },
            });
        }
    }
}
