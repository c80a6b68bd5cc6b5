using Vigil.Grpc.Client;

namespace Vigil.Sensor.Client;

public sealed class SensorIngestClientOptions
{
    /// <summary>The silo's gRPC endpoint, <c>http://host:port</c>.</summary>
    public required Uri Address { get; init; }

    /// <summary>Stable identity of the sender across restarts, such as <c>sensor/node-1</c>.</summary>
    public required string SensorId { get; init; }

    public required string Cluster { get; init; }

    public string Node { get; init; } = "";

    public string Version { get; init; } = "vigil-sensor-client/1";

    /// <summary>New for every process start: sequences restart at 1 with it.</summary>
    public string Incarnation { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// An ingest token for <see cref="Cluster"/> (or for every cluster), sent as <c>authorization: Bearer …</c> metadata
    /// on every connect. The silo refuses a stream without one; a refused token faults the client (UNAUTHENTICATED or
    /// PERMISSION_DENIED) rather than retrying.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>Batches kept until acknowledged; <see cref="SensorIngestClient.SendAsync"/> waits past this.</summary>
    public int MaxUnacknowledgedBatches { get; init; } = 64;

    /// <summary>The first wait before reconnecting; it doubles on every failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The channel's settings (keepalive, handler); the defaults when null.</summary>
    public GrpcChannelOptions? Channel { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
