using Vigil.Grpc.Client;
using Vigil.TestSupport;

namespace Vigil.Grpc.Tests;

/// <summary>One grpc-js interop server (tests/node/interop-server.js) for a test class.</summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    public ChildProcess Process { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var (process, port) = await NodePeer.StartServerAsync("interop-server.js");
        Process = process;
        Channel = new GrpcChannel(new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Process.DisposeAsync();
    }
}
