using Vigil.Contracts.V1;
using Vigil.Grpc;
using Vigil.Grpc.Client;

namespace Vigil.Sensor.Client;

/// <summary>One call: hello, welcome, then batches out and acks in until either side stops.</summary>
internal sealed class SensorStream(SensorIngestClient client, CancellationToken halt)
{
    private static readonly TimeSpan StatusGrace = TimeSpan.FromSeconds(5);

    public async Task RunAsync(Action welcomed)
    {
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(halt);
        var headers = new Metadata();
        if (client.Options.Token is { } token)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        using var call = client.Channel.DuplexStreaming(SensorIngestApi.Stream, new CallOptions(headers, CancellationToken: stream.Token));
        var options = client.Options;
        await call.RequestStream.WriteAsync(new SensorMessage
        {
            Hello = new SensorHello
            {
                SensorId = options.SensorId,
                Node = options.Node,
                Cluster = options.Cluster,
                Version = options.Version,
                Incarnation = options.Incarnation,
            },
        }, stream.Token).ConfigureAwait(false);
        if (!await call.ResponseStream.MoveNext(stream.Token).ConfigureAwait(false))
        {
            throw new IOException("The silo ended the call before welcoming the sensor.");
        }

        if (call.ResponseStream.Current.KindCase != IngestReply.KindOneofCase.Welcome)
        {
            throw new IOException($"The silo's first reply was {call.ResponseStream.Current.KindCase}, not a welcome.");
        }

        client.OnWelcome();
        welcomed();
        var acks = ReadAcksAsync(call.ResponseStream, stream.Token);
        var writes = WriteBatchesAsync(call.RequestStream, stream.Token);
        var first = await Task.WhenAny(acks, writes).ConfigureAwait(false);
        if (first == writes)
        {
            // A failed write means the call is over; the response side says with which status.
            await Task.WhenAny(acks, Task.Delay(StatusGrace, client.Options.TimeProvider, CancellationToken.None)).ConfigureAwait(false);
        }

        await stream.CancelAsync().ConfigureAwait(false);
        await Observe(writes).ConfigureAwait(false);
        if (acks.IsCompletedSuccessfully)
        {
            throw new IOException("The silo ended the call.");
        }

        await acks.ConfigureAwait(false);
    }

    private static async Task Observe(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or IOException)
        {
            // The reply side carries the reason; a write failure only says the call is gone.
        }
    }

    private async Task ReadAcksAsync(IAsyncStreamReader<IngestReply> replies, CancellationToken cancellationToken)
    {
        while (await replies.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            if (replies.Current.KindCase == IngestReply.KindOneofCase.Ack)
            {
                client.OnAck(replies.Current.Ack.AcknowledgedThrough);
            }
        }
    }

    private async Task WriteBatchesAsync(IClientStreamWriter<SensorMessage> requests, CancellationToken cancellationToken)
    {
        var sent = client.AcknowledgedThrough;
        while (true)
        {
            if (client.NextAfter(sent) is not { } batch)
            {
                await client.WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await requests.WriteAsync(new SensorMessage { Batch = batch }, cancellationToken).ConfigureAwait(false);
            sent = batch.Sequence;
        }
    }
}
