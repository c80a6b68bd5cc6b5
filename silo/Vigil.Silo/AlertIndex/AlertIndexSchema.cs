namespace Vigil.Silo.AlertIndex;

/// <summary>
/// The index's table, apart from the grain runtime's migrations: it is a projection that can be rebuilt from the
/// grains, so it needs no versioned history, only statements safe to run at every start. Times are microseconds
/// since the Unix epoch; severity is kept by name and by rank so it sorts and filters as a level.
/// </summary>
public static class AlertIndexSchema
{
    public const string Table = "vigil_alerts";

    public static IReadOnlyList<string> Statements(bool postgres) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            alert_id TEXT {(postgres ? "COLLATE \"C\" " : "")}PRIMARY KEY,
            cluster TEXT NOT NULL,
            namespace TEXT NOT NULL,
            pod TEXT NOT NULL,
            container TEXT NOT NULL,
            node TEXT NOT NULL,
            service_account TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            title TEXT NOT NULL,
            severity TEXT NOT NULL,
            severity_rank INTEGER NOT NULL,
            tactic TEXT NOT NULL,
            technique TEXT NOT NULL,
            status TEXT NOT NULL,
            first_seen BIGINT NOT NULL,
            last_seen BIGINT NOT NULL,
            seen_count INTEGER NOT NULL,
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            alert_json TEXT NOT NULL,
            indexed_at BIGINT NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS {Table}_last_seen ON {Table} (last_seen, alert_id)",
        $"CREATE INDEX IF NOT EXISTS {Table}_first_seen ON {Table} (first_seen, alert_id)",
        $"CREATE INDEX IF NOT EXISTS {Table}_cluster_last_seen ON {Table} (cluster, last_seen)",
        $"CREATE INDEX IF NOT EXISTS {Table}_severity ON {Table} (severity_rank, alert_id)",
        $"CREATE INDEX IF NOT EXISTS {Table}_holder ON {Table} (grain_type, grain_key)",
    ];
}
