using System.Data.Common;
using System.Text.Json;
using Vigil.Grains.Alerts;

namespace Vigil.Silo.AlertIndex;

/// <summary>
/// The alert index: one row per alert id, its latest form, with a column for every filter and the grain that holds
/// it. Writes are batched upserts that never let an older form replace a newer one (fewer sightings or an earlier
/// last sighting), so two silos writing the same alert during a hand-off converge on its latest form.
/// </summary>
public sealed class AlertIndexStore(AlertIndexDatabase database, TimeProvider time)
{
    /// <summary>Rows per INSERT: 21 parameters each stays far below either database's limit on parameters.</summary>
    private const int RowsPerStatement = 200;

    private const string Columns = "alert_id, cluster, namespace, pod, container, node, service_account, rule_id, title, "
        + "severity, severity_rank, tactic, technique, status, first_seen, last_seen, seen_count, grain_type, grain_key, alert_json, indexed_at";

    private static readonly string[] Updated = [.. Columns.Split(", ").Skip(1)];

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (database.IsPostgres)
            {
                // Silos starting together would race on CREATE ... IF NOT EXISTS, which is not atomic in PostgreSQL.
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7234011)", cancellationToken);
            }
            foreach (var statement in AlertIndexSchema.Statements(database.IsPostgres))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>Writes alerts in one transaction; the last form of each id in the batch wins.</summary>
    public async Task UpsertAsync(IReadOnlyList<IndexedAlert> alerts, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }
        await EnsureSchemaAsync(cancellationToken);
        var latest = alerts.GroupBy(a => a.Alert.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var now = AlertSql.Micros(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in latest.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new AlertSql();
            var rows = chunk.Select(a => "(" + string.Join(", ", Values(a, now).Select(sql.Parameter)) + ")");
            command.CommandText = $"INSERT INTO {AlertIndexSchema.Table} ({Columns}) VALUES {string.Join(", ", rows)} "
                + $"ON CONFLICT (alert_id) DO UPDATE SET {string.Join(", ", Updated.Select(c => $"{c} = excluded.{c}"))} "
                + $"WHERE excluded.seen_count >= {AlertIndexSchema.Table}.seen_count AND excluded.last_seen >= {AlertIndexSchema.Table}.last_seen";
            sql.Bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IndexedAlert?> FindAsync(string alertId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var sql = new AlertSql();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT grain_type, grain_key, alert_json FROM {AlertIndexSchema.Table} WHERE alert_id = {sql.Parameter(alertId)}";
        sql.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<AlertPage> QueryAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await CountAsync(connection, query.Filter, cancellationToken);

        var sql = AlertSql.Where(query.Filter);
        if (query.After is { } after)
        {
            sql.After(after);
        }
        var column = AlertSql.Column(query.Sort);
        var direction = query.Descending ? "DESC" : "ASC";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT grain_type, grain_key, alert_json, {column} FROM {AlertIndexSchema.Table}{sql.WhereClause} "
            + $"ORDER BY {column} {direction}, alert_id {direction} LIMIT {sql.Parameter(query.Limit + 1)} OFFSET {sql.Parameter(query.Offset)}";
        sql.Bind(command);
        var items = new List<IndexedAlert>(query.Limit);
        long lastValue = 0;
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (items.Count == query.Limit)
                {
                    more = true;
                    break;
                }
                items.Add(Read(reader));
                lastValue = reader.GetInt64(3);
            }
        }
        var next = more ? new AlertCursor(query.Sort, query.Descending, lastValue, items[^1].Alert.Id) : null;
        return new AlertPage(items, total, next);
    }

    private static async Task<long> CountAsync(DbConnection connection, AlertFilter filter, CancellationToken cancellationToken)
    {
        var sql = AlertSql.Where(filter);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {AlertIndexSchema.Table}{sql.WhereClause}";
        sql.Bind(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IndexedAlert Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        JsonSerializer.Deserialize<Alert>(reader.GetString(2), AlertJson.Options)
            ?? throw new InvalidDataException("An index row holds no alert."));

    private static object[] Values(IndexedAlert row, long now)
    {
        var a = row.Alert;
        return
        [
            a.Id, a.Cluster, a.Namespace, a.Pod, a.Container, a.Node, a.ServiceAccount, a.RuleId, a.Title,
            a.Severity.ToString(), (int)a.Severity, a.Tactic, a.Technique, a.Status.ToString(),
            AlertSql.Micros(a.FirstSeen), AlertSql.Micros(a.LastSeen), a.Count, row.GrainType, row.GrainKey,
            JsonSerializer.Serialize(a, AlertJson.Options), now,
        ];
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string text, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
