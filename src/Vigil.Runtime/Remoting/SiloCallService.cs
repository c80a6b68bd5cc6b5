using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Grpc;
using Vigil.Grpc.Server;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// The owner's side of calls from other silos: one <see cref="InboundCallStream"/> per caller stream, each call run
/// here or answered with who owns the shard now.
/// </summary>
public sealed class SiloCallService : IGrpcService
{
    private readonly GrainRuntime _runtime;
    private readonly IShardRouter? _router;
    private readonly CancellationToken _stopServing;
    private readonly ILogger<SiloCallService> _logger;
    private readonly int _maxInFlight;

    public SiloCallService(
        GrainRuntime runtime,
        IEnumerable<IShardRouter> routers,
        IOptions<SiloCallServiceOptions> options,
        IHostApplicationLifetime lifetime,
        IEnumerable<ISiloDeparture> departures,
        ILogger<SiloCallService> logger)
    {
        _maxInFlight = options.Value.MaxCallsInFlightPerStream;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxInFlight, 1, nameof(SiloCallServiceOptions.MaxCallsInFlightPerStream));
        _runtime = runtime;
        _router = routers.FirstOrDefault();
        // A cluster member serves other silos until it has handed its shards off; anything else until the host stops.
        _stopServing = departures.FirstOrDefault()?.Departed ?? lifetime.ApplicationStopping;
        _logger = logger;
    }

    public void Bind(GrpcServiceBinder binder) => binder.DuplexStreaming(SiloCallsApi.Call, CallAsync);

    // A stream lives as long as its caller, so it is ended here when this silo stops serving: Kestrel would
    // otherwise wait for it until the shutdown timeout.
    private Task CallAsync(IAsyncStreamReader<GrainCallBatch> requests, IAsyncStreamWriter<GrainCallResultBatch> responses, ServerCallContext context) =>
        new InboundCallStream(_runtime, _router, requests, responses, _maxInFlight, _logger)
            .RunAsync(context.CancellationToken, _stopServing);
}
