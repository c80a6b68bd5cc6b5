using System.Text.Json;
using Vigil.Grains.Entities;
using Vigil.TestSupport;

namespace Vigil.Sensor.Client.Tests;

/// <summary>An independent gRPC implementation speaks the sensor protocol from the .proto alone, token included.</summary>
public sealed class GrpcJsSensorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_grpc_js_sensor_presenting_its_token_is_welcomed_and_its_batch_acknowledged_once_committed()
    {
        NodePeer.EnsureInstalled();
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);

        await using var node = StartSensor(host, host.IngestToken);
        var exit = await node.WaitForExitAsync(Patience);

        Assert.True(exit == 0, node.Output);
        var seen = JsonDocument.Parse(node.Output.Split('\n').Last(l => l.StartsWith('{'))).RootElement;
        Assert.Equal("1", seen.GetProperty("acknowledgedThrough").GetString());
        Assert.Equal(4 * 1024 * 1024, seen.GetProperty("welcome").GetProperty("max_message_bytes").GetInt32());
        var profile = await host.Grains.GetGrain<IPodGrain>(EntityKeys.Pod("js", "shop", "0b1e2c3d-0000-4000-8000-000000000001")).GetProfileAsync();
        Assert.Contains("/bin/sh", profile.Containers.Single().Executables);
        Assert.NotEqual(0, storage.Writes);
    }

    [Fact]
    public async Task A_grpc_js_sensor_without_a_token_reads_unauthenticated_and_is_never_welcomed()
    {
        NodePeer.EnsureInstalled();
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);

        await using var node = StartSensor(host, token: "");
        var exit = await node.WaitForExitAsync(Patience);

        Assert.True(exit == 1, node.Output);
        // grpc.status.UNAUTHENTICATED is 16; the script reports the status and what it saw.
        Assert.Contains("stream ended with 16 The sensor stream needs an ingest token", node.Output, StringComparison.Ordinal);
        Assert.Contains("\"welcome\":null", node.Output, StringComparison.Ordinal);
        Assert.Equal(0, storage.Writes);
    }

    /// <summary>The token goes through the environment, as a sensor would keep it out of its command line.</summary>
    private static ChildProcess StartSensor(IngestHost host, string token) => ChildProcess.Start(
        "node",
        ["sensor-ingest-client.js", $"127.0.0.1:{host.Address.Port}", "js"],
        RepositoryPaths.NodePeers,
        new Dictionary<string, string> { ["VIGIL_TOKEN"] = token });
}
