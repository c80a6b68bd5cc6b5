using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Runtime.Testing;

/// <summary>
/// A TCP relay on loopback between a silo and something it depends on (PostgreSQL, or the silo's own gRPC endpoint
/// as other silos reach it), that a test can freeze or cut at any moment to inject the faults a real network or a
/// paused process causes.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, bool> _sockets = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _accepting;
    private readonly Lock _gate = new();
    private TaskCompletionSource _open = NewOpenSignal(completed: true);
    private volatile FaultMode _mode = FaultMode.Open;

    public FaultProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The loopback port to connect to instead of the target.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public FaultMode Mode => _mode;

    /// <summary>Lets traffic flow again; bytes held while frozen are delivered in order.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _mode = FaultMode.Open;
            _open.TrySetResult();
        }
    }

    /// <summary>Holds every byte in both directions; connections stay up.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            if (_mode != FaultMode.Frozen)
            {
                _mode = FaultMode.Frozen;
                _open = NewOpenSignal(completed: false);
            }
        }
    }

    /// <summary>Resets every connection and refuses new ones until <see cref="Open"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _mode = FaultMode.Cut;
            _open.TrySetResult();
        }

        foreach (var socket in _sockets.Keys)
        {
            Reset(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Cut();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _disposed.Dispose();
    }

    private static TaskCompletionSource NewOpenSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger zero makes Close send RST: the peer sees a broken connection, not a polite end.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_disposed.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _sockets[client] = true;
        _sockets[upstream] = true;
        try
        {
            await WaitUntilPassableAsync().ConfigureAwait(false);
            if (_mode == FaultMode.Cut)
            {
                return;
            }

            await upstream.ConnectAsync(_target, _disposed.Token).ConfigureAwait(false);
            await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sockets.TryRemove(client, out _);
            _sockets.TryRemove(upstream, out _);
            Reset(client);
            Reset(upstream);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[ChunkSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _disposed.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    // A paused peer would not see the other side hang up either: the end waits like the bytes.
                    await HoldWhileFrozenAsync().ConfigureAwait(false);
                    return;
                }

                await WaitUntilPassableAsync().ConfigureAwait(false);
                if (_mode == FaultMode.Cut)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _disposed.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Likewise a reset: held while frozen, passed on once open or cut.
            await HoldWhileFrozenAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HoldWhileFrozenAsync()
    {
        try
        {
            await WaitUntilPassableAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task WaitUntilPassableAsync()
    {
        Task open;
        lock (_gate)
        {
            open = _open.Task;
        }

        return open.WaitAsync(_disposed.Token);
    }
}
