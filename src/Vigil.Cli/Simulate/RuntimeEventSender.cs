using Vigil.Contracts.Events.V1;
using Vigil.Sensor.Client;

namespace Vigil.Cli.Simulate;

/// <summary>
/// Sends runtime events the way a node sensor does: the real <c>vigil.v1.SensorIngest</c> stream, numbered batches,
/// done when the silo has acknowledged them durable.
/// </summary>
public sealed class RuntimeEventSender(SensorIngestClient client) : IAsyncDisposable
{
    /// <summary>Events per batch: a sensor flushes small batches often rather than holding events back.</summary>
    public const int BatchSize = 8;

    private ulong _nextEventId;

    public static RuntimeEventSender Connect(Uri grpc, string cluster, string node, string run, string? token) => new(SensorIngestClient.Start(new SensorIngestClientOptions
    {
        Address = grpc,
        SensorId = $"simulate/{run}",
        Cluster = cluster,
        Node = node,
        Version = "vigil-simulate/1",
        Token = token,
    }));

    /// <summary>Sends the events in order and returns once the silo has committed every one of them.</summary>
    public async Task SendAsync(IReadOnlyList<RuntimeEvent> events, CancellationToken cancellationToken)
    {
        foreach (var chunk in events.Chunk(BatchSize))
        {
            await client.SendAsync(chunk.Select(e => new EventEnvelope { EventId = ++_nextEventId, Runtime = e }), cancellationToken);
        }
        await client.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
