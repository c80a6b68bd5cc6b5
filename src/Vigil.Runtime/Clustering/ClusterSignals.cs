using Microsoft.Extensions.Logging;
using Npgsql;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// Cluster changes as PostgreSQL notifications: a silo that joins, leaves or releases shards says so on one channel,
/// and every other silo runs its lease cycle at once instead of at its next period. Without this a released shard
/// would wait up to a whole renew period for its next owner, and that wait is the hand-off pause callers see.
/// Notifications only hurry things along; a silo that misses one still converges at its next cycle.
/// </summary>
public sealed class ClusterSignals(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<ClusterSignals> logger)
{
    public const string Channel = "vigil_cluster";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>The statement that announces a change by <c>@silo</c>, to append to the statement that makes it.</summary>
    public static string Announce => $"SELECT pg_notify('{Channel}', @silo)";

    /// <summary>Calls <paramref name="wake"/> on every change another silo announces, until cancelled.</summary>
    public async Task ListenAsync(string siloId, Action wake, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != siloId)
                    {
                        wake();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // Whatever was announced while this silo was not listening is caught up on now.
                wake();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                ClusterLog.ListenFailed(logger, siloId, ex);
            }

            try
            {
                await Task.Delay(ReconnectDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
