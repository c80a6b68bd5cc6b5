using Npgsql;
using NpgsqlTypes;

namespace Vigil.Runtime.Persistence;

/// <summary>The lease check a fenced commit runs inside its own transaction, before it writes.</summary>
internal static class ShardFenceCheck
{
    /// <summary>
    /// The shards of the batch this silo no longer holds at its epoch. The lease rows it does hold stay
    /// share-locked until the transaction ends, so no other silo can take them between this check and COMMIT.
    /// </summary>
    public static async Task<IReadOnlyCollection<int>> LostShardsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IShardFence fence, int[] shards, CancellationToken cancellationToken)
    {
        var touched = shards.Distinct().ToArray();
        var lost = new HashSet<int>();
        var held = new List<(int Shard, long Epoch)>();
        foreach (var shard in touched)
        {
            if (fence.EpochOf(shard) is { } epoch)
            {
                held.Add((shard, epoch));
            }
            else
            {
                lost.Add(shard);
            }
        }

        if (lost.Count > 0)
        {
            return lost;
        }

        await using var check = new NpgsqlCommand(
            """
            SELECT l.shard FROM vigil_shard_leases AS l
            JOIN UNNEST(@shards, @epochs) AS u(s, e) ON l.shard = u.s AND l.epoch = u.e
            WHERE l.owner_silo = @silo AND l.owner_incarnation = @inc AND l.expires_at > now()
            ORDER BY l.shard
            FOR SHARE OF l
            """,
            connection,
            transaction);
        BindLeases(check, fence, held);
        var confirmed = new HashSet<int>();
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                confirmed.Add(reader.GetInt32(0));
            }
        }

        lost.UnionWith(touched.Where(s => !confirmed.Contains(s)));
        if (lost.Count == 0 && fence.RecordsCommits)
        {
            await RecordAsync(connection, transaction, fence, held, cancellationToken).ConfigureAwait(false);
        }

        return lost;
    }

    /// <summary>In the same transaction, so a row exists exactly when the commit it describes did.</summary>
    private static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IShardFence fence, List<(int Shard, long Epoch)> held, CancellationToken cancellationToken)
    {
        await using var record = new NpgsqlCommand(
            """
            INSERT INTO vigil_commit_log (shard, epoch, silo_id, incarnation)
            SELECT u.s, u.e, @silo, @inc FROM UNNEST(@shards, @epochs) AS u(s, e)
            ON CONFLICT DO NOTHING
            """,
            connection,
            transaction);
        BindLeases(record, fence, held);
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The leases a statement is about: these shards at these epochs, held by this silo incarnation.</summary>
    private static void BindLeases(NpgsqlCommand command, IShardFence fence, List<(int Shard, long Epoch)> held)
    {
        command.Parameters.Add(new NpgsqlParameter("shards", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = held.Select(h => h.Shard).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("epochs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = held.Select(h => h.Epoch).ToArray() });
        command.Parameters.AddWithValue("silo", fence.SiloId);
        command.Parameters.AddWithValue("inc", fence.Incarnation);
    }
}
