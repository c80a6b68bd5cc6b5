using Microsoft.Extensions.Options;
using Vigil.Contracts.V1;
using Vigil.Grpc;
using Vigil.Grpc.Server;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Silo.Security;

namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>
/// <c>vigil.v1.SensorIngest</c>: each call is one sensor's stream, run by a <see cref="SensorStreamCall"/>. Every
/// call presents an ingest token for its hello's cluster in its <c>authorization</c> metadata.
/// </summary>
public sealed partial class SensorIngestService(
    SensorBatchDispatcher dispatcher,
    AcknowledgedSequences acknowledged,
    TokenAuthenticator authenticator,
    GrainRuntime runtime,
    IOptions<SensorIngestOptions> options,
    IOptions<GrpcServerOptions> grpc,
    IOptions<GrainRuntimeOptions> runtimeOptions,
    TimeProvider time,
    ILogger<SensorIngestService> logger) : IGrpcService
{
    private readonly SensorIngestOptions _options = options.Value;

    public void Bind(GrpcServiceBinder binder) => binder.DuplexStreaming(SensorIngestMethods.Stream, StreamAsync);

    internal SensorBatchDispatcher Dispatcher => dispatcher;

    internal AcknowledgedSequences Acknowledged => acknowledged;

    internal TokenAuthenticator Authenticator => authenticator;

    internal ILogger Logger => logger;

    internal IGrainFactory Grains => runtime;

    internal TimeProvider Time => time;

    internal int MaxBatchesInFlight => _options.MaxBatchesInFlight;

    internal int MaxMessageBytes => grpc.Value.MaxReceiveMessageSize;

    /// <summary>True while the group commit has more waiting than it should: streams then admit batches only as theirs complete.</summary>
    internal bool CommitQueueOverBound => runtime.CommitQueue.Depth > (_options.CommitQueueBound ?? 4 * runtimeOptions.Value.CommitBatchSize);

    private Task StreamAsync(IAsyncStreamReader<SensorMessage> requests, IAsyncStreamWriter<IngestReply> responses, ServerCallContext context) =>
        new SensorStreamCall(this, requests, responses, context).RunAsync();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sensor {Sensor} ({Node}, cluster {Cluster}, {Version}, incarnation {Incarnation}) connected from {Peer}")]
    internal static partial void LogConnected(ILogger logger, string sensor, string node, string cluster, string version, string incarnation, string peer);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sensor {Sensor} stream ended: {Batches} batches, {Events} events, acknowledged through {Acknowledged}")]
    internal static partial void LogEnded(ILogger logger, string sensor, long batches, long events, ulong acknowledged);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sensor {Sensor} stream refused: {Status}")]
    internal static partial void LogRefused(ILogger logger, string sensor, Status status);

    // Refusals name the token by its id, never its value: the log must not become a place to find tokens.
    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Sensor stream from {Peer} refused before its hello: {Status}")]
    internal static partial void LogUnauthenticated(ILogger logger, string peer, Status status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Sensor {Sensor} (cluster {Cluster}) from {Peer} refused: token {TokenId} ({TokenName}) may not ingest for that cluster: {Status}")]
    internal static partial void LogForbidden(ILogger logger, string sensor, string cluster, string peer, string tokenId, string tokenName, Status status);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Sensor stream from {Peer}: its token could not be checked")]
    internal static partial void LogAuthenticationFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Sensor {Sensor} batch {Sequence} was not committed; the stream ends unacknowledged past {Acknowledged}")]
    internal static partial void LogDispatchFailed(ILogger logger, string sensor, ulong sequence, ulong acknowledged, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Sensor {Sensor}: its health report did not reach its node grain")]
    internal static partial void LogHealthReportFailed(ILogger logger, string sensor, Exception exception);
}
