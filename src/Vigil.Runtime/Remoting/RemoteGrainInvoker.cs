using System.Collections.Concurrent;
using Google.Protobuf;
using Vigil.Grpc;
using Vigil.Grpc.Client;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// Sends grain calls to other silos over Vigil.Grpc: one channel and one long-lived call stream per destination,
/// on which calls travel in batches (see <c>silo_calls.proto</c>). The deadline of each call is kept here.
/// </summary>
public sealed class RemoteGrainInvoker : IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SiloCallStream> _streams = new(StringComparer.Ordinal);
    private readonly Lock _opening = new();
    private readonly TimeProvider _timeProvider;
    private volatile bool _disposed;

    // A silo that vanishes without a reset (host lost, network cut) is given up within seconds: its streams break,
    // calls not yet sent follow the shard to its next owner, and none waits out its whole deadline on a dead peer.
    private static GrpcChannelOptions PeerChannelOptions => new()
    {
        KeepAlivePingDelay = TimeSpan.FromSeconds(5),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
    };

    public RemoteGrainInvoker()
        : this(TimeProvider.System)
    {
    }

    public RemoteGrainInvoker(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public RemoteCallCounters Counters { get; } = new();

    /// <summary>
    /// Sends the call to <paramref name="address"/>. Fails with <see cref="RpcException"/>: DEADLINE_EXCEEDED when
    /// no result came within <paramref name="timeout"/> (the call is not sent again), UNAVAILABLE when the stream
    /// to that silo broke first, or the status the owner gave a call it could not make.
    /// </summary>
    public Task<GrainCallResult> SendAsync(string address, GrainId grain, GrainRequest request, bool oneWay, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (timeout <= TimeSpan.Zero)
        {
            return Task.FromException<GrainCallResult>(new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded before the call was sent."));
        }

        GrainCallRequest message;
        try
        {
            message = new GrainCallRequest
            {
                GrainType = grain.Type,
                GrainKey = grain.Key,
                RequestType = GrainCallCodec.TypeName(request),
                Arguments = ByteString.CopyFrom(GrainCallCodec.Encode(request)),
                OneWay = oneWay,
            };
        }
        catch (Exception ex)
        {
            return Task.FromException<GrainCallResult>(ex);
        }

        // Sized with the call id it will carry, at its largest.
        message.CallId = ulong.MaxValue;
        var size = message.CalculateSize();
        if (!SiloCallLimits.FitsInMessage(size))
        {
            return Task.FromException<GrainCallResult>(new RpcException(
                StatusCode.ResourceExhausted,
                $"The call to {request.MethodName} is {size} bytes; a message between silos carries at most {SiloCallLimits.MaxMessageBytes}."));
        }

        // Queued before this returns: calls sent one after another to a silo reach it in that order.
        return StreamTo(address).Send(message, size, timeout);
    }

    public void Dispose()
    {
        lock (_opening)
        {
            _disposed = true;
        }

        foreach (var stream in _streams.Values)
        {
            stream.Break("this silo's invoker was disposed");
        }

        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private SiloCallStream StreamTo(string address)
    {
        if (_streams.TryGetValue(address, out var stream) && !stream.IsBroken)
        {
            return stream;
        }

        // Under a lock so that racing callers share one new stream rather than each opening their own.
        lock (_opening)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_streams.TryGetValue(address, out stream) && !stream.IsBroken)
            {
                return stream;
            }

            var channel = _channels.GetOrAdd(address, static a => new GrpcChannel(new Uri($"http://{a}"), PeerChannelOptions));
            stream = new SiloCallStream(channel, address, _timeProvider, Counters);
            _streams[address] = stream;
            return stream;
        }
    }
}
