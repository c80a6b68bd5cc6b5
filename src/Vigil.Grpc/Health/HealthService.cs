using System.Threading.Channels;
using Vigil.Grpc.Health.V1;
using Vigil.Grpc.Server;
using ServingStatus = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Vigil.Grpc.Health;

/// <summary>
/// The standard health service. The empty name is the whole server; Check answers NOT_FOUND for names never
/// set, and Watch answers SERVICE_UNKNOWN for them and keeps the stream open until they appear.
/// </summary>
public sealed class HealthService : IGrpcService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly List<(string Service, Channel<ServingStatus> Channel)> _watchers = [];

    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            _statuses[service] = status;
            foreach (var (name, channel) in _watchers)
            {
                if (name == service)
                {
                    channel.Writer.TryWrite(status);
                }
            }
        }
    }

    public ServingStatus? GetStatus(string service)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    public void Bind(GrpcServiceBinder binder) => binder
        .Unary(HealthApi.Check, CheckAsync)
        .ServerStreaming(HealthApi.Watch, WatchAsync);

    private Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, ServerCallContext context) =>
        GetStatus(request.Service) is { } status
            ? Task.FromResult(new HealthCheckResponse { Status = status })
            : throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is not known.");

    private async Task WatchAsync(HealthCheckRequest request, IAsyncStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        // Only the latest status matters to a watcher, so a slow one skips intermediate changes.
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var entry = (request.Service, channel);
        lock (_gate)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(request.Service, out var current) ? current : ServingStatus.ServiceUnknown);
            _watchers.Add(entry);
        }

        try
        {
            ServingStatus? last = null;
            await foreach (var status in channel.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (status != last)
                {
                    await responses.WriteAsync(new HealthCheckResponse { Status = status }).ConfigureAwait(false);
                    last = status;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(entry);
            }
        }
    }
}
