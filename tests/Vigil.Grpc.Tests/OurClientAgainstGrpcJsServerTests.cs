using Vigil.Grpc.Client;

namespace Vigil.Grpc.Tests;

/// <summary>Vigil's client against the grpc-js server (tests/node/interop-server.js).</summary>
public sealed class OurClientAgainstGrpcJsServerTests(GrpcJsServerFixture peer) : ClientConformanceTests, IClassFixture<GrpcJsServerFixture>
{
    protected override GrpcChannel Channel => peer.Channel;

    protected override Task ServerSawCancelAsync(string method) =>
        peer.Process.WaitForLineAsync(line => line == $"CANCELLED {method}", TimeSpan.FromSeconds(10), Ct);
}
