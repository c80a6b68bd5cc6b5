using Vigil.Grains.Entities;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>
/// The feed is told after the commit, so a crash in between leaves the index without the update. A grain announces
/// its alerts again when it activates, which brings them back.
/// </summary>
public sealed class AlertRepublishTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_alert_missing_from_the_index_returns_when_its_grain_next_activates()
    {
        var data = Directory.CreateTempSubdirectory("vigil-alerts-republish-").FullName;
        try
        {
            string podKey;
            string alertId;
            await using (var first = await AlertTestSilo.StartAsync(dataDirectory: data))
            {
                podKey = await first.WebShellAsync("prod");
                alertId = (await first.WaitForIndexedAsync("prod", WebShellEvents.RuleId)).Alert.Id;
            }
            // What a crash between the grain's commit and the index write leaves: the alert in the grain, not in the index.
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "vigil.db")}"))
            {
                await connection.OpenAsync(Ct);
                await using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM {AlertIndexSchema.Table}";
                Assert.Equal(1, await delete.ExecuteNonQueryAsync(Ct));
            }

            await using var second = await AlertTestSilo.StartAsync(dataDirectory: data);
            Assert.Null(await second.Store.FindAsync(alertId, Ct));
            await second.Grains.GetGrain<IPodGrain>(podKey).GetProfileAsync();

            await second.WaitForIndexAsync(async () => await second.Store.FindAsync(alertId, Ct) is not null);
            Assert.Equal(("vigil.pod", podKey), ((await second.Store.FindAsync(alertId, Ct))!.GrainType, podKey));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
