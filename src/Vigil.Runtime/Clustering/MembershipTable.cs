using Npgsql;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Clustering;

/// <summary>Who is in the cluster. Heartbeats and incarnations come from the database clock, never a silo's.</summary>
public sealed class MembershipTable(NpgsqlDataSource dataSource)
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        PostgresMigrator.ApplyAsync(dataSource, ClusterSchema.Component, ClusterSchema.Migrations, cancellationToken);

    /// <summary>Registers this start of the silo and returns its new incarnation (greater than any before it).</summary>
    public async Task<long> JoinAsync(string siloId, string address, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO vigil_silos AS s VALUES (@silo, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint, @address, 'Active', now(), now())
            ON CONFLICT (silo_id) DO UPDATE
                SET incarnation = GREATEST(s.incarnation + 1, EXCLUDED.incarnation), address = EXCLUDED.address,
                    status = 'Active', heartbeat_at = now(), started_at = now()
            RETURNING incarnation;
            {ClusterSignals.Announce}
            """);
        command.Parameters.AddWithValue("silo", siloId);
        command.Parameters.AddWithValue("address", address);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>False when this incarnation is no longer the registered one (a newer start, or marked dead).</summary>
    public async Task<bool> HeartbeatAsync(string siloId, long incarnation, CancellationToken cancellationToken, long activations = 0, double callsPerSecond = 0)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE vigil_silos SET heartbeat_at = now(), activations = @act, calls_per_second = @cps WHERE silo_id = @id AND incarnation = @inc AND status <> 'Dead'");
        command.Parameters.AddWithValue("id", siloId);
        command.Parameters.AddWithValue("inc", incarnation);
        command.Parameters.AddWithValue("act", activations);
        command.Parameters.AddWithValue("cps", callsPerSecond);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task SetStatusAsync(string siloId, long incarnation, SiloStatus status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE vigil_silos SET status = @status WHERE silo_id = @silo AND incarnation = @inc; {ClusterSignals.Announce}");
        command.Parameters.AddWithValue("status", status.ToString());
        command.Parameters.AddWithValue("silo", siloId);
        command.Parameters.AddWithValue("inc", incarnation);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Silos marked active whose last heartbeat (database clock) is younger than <paramref name="maxAge"/>.</summary>
    public async Task<IReadOnlyList<string>> ListLiveAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT silo_id FROM vigil_silos WHERE status = 'Active' AND heartbeat_at > now() - @age ORDER BY silo_id");
        command.Parameters.AddWithValue("age", maxAge);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var silos = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            silos.Add(reader.GetString(0));
        }

        return silos;
    }

    public async Task<IReadOnlyList<SiloRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT silo_id, incarnation, address, status, heartbeat_at, activations, calls_per_second FROM vigil_silos ORDER BY silo_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var silos = new List<SiloRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            silos.Add(new SiloRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                Enum.Parse<SiloStatus>(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt64(5),
                reader.GetDouble(6)));
        }

        return silos;
    }
}
