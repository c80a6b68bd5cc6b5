using Vigil.Grains.Entities;
using Vigil.Runtime.Persistence;
using Vigil.Scenarios;

namespace Vigil.Sensor.Client.Tests;

/// <summary>A connected sensor shows on its node's grain: the health view operators read.</summary>
public sealed class SensorHealthTests
{
    [Fact]
    public async Task A_sensor_that_connected_is_on_its_nodes_profile_with_its_version_and_incarnation()
    {
        await using var host = await IngestHost.StartAsync(new InMemoryGrainStorage());
        var trace = AttackScenarios.WebShellOnly("health", DateTimeOffset.UtcNow);
        await using var client = host.Client("health", incarnation: "boot-7");

        var sequence = await client.SendAsync(SensorBatches.Of(trace, 100).Single(), TestContext.Current.CancellationToken);
        await client.WaitForAcknowledgedAsync(sequence, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The report goes, one way, before the ack it comes with, so it is queued ahead of this query.
        var profile = await host.Grains.GetGrain<INodeGrain>(EntityKeys.Node("health", "node-1")).GetProfileAsync();
        var sensor = Assert.Single(profile.Sensors);
        Assert.Equal(("sensor/node-1", "boot-7"), (sensor.SensorId, sensor.Incarnation));
        Assert.False(string.IsNullOrEmpty(sensor.Version));
        Assert.True(sensor.ConnectedAt <= sensor.LastBatchAt);
    }
}
