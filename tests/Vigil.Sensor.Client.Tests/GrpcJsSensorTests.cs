using System.Text.Json;
using Vigil.Grains.Entities;
using Vigil.TestSupport;

namespace Vigil.Sensor.Client.Tests;

/// <summary>An independent gRPC implementation speaks the sensor protocol from the .proto alone.</summary>
public sealed class GrpcJsSensorTests
{
    [Fact]
    public async Task A_grpc_js_sensor_is_welcomed_and_its_batch_acknowledged_once_committed()
    {
        NodePeer.EnsureInstalled();
        var storage = new GatedStorage();
        await using var host = await IngestHost.StartAsync(storage);

        await using var node = ChildProcess.Start("node", ["sensor-ingest-client.js", $"127.0.0.1:{host.Address.Port}", "js"], RepositoryPaths.NodePeers);
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, node.Output);
        var seen = JsonDocument.Parse(node.Output.Split('\n').Last(l => l.StartsWith('{'))).RootElement;
        Assert.Equal("1", seen.GetProperty("acknowledgedThrough").GetString());
        Assert.Equal(4 * 1024 * 1024, seen.GetProperty("welcome").GetProperty("max_message_bytes").GetInt32());
        var profile = await host.Grains.GetGrain<IPodGrain>(EntityKeys.Pod("js", "shop", "0b1e2c3d-0000-4000-8000-000000000001")).GetProfileAsync();
        Assert.Contains("/bin/sh", profile.Containers.Single().Executables);
        Assert.NotEqual(0, storage.Writes);
    }
}
