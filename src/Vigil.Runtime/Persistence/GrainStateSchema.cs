namespace Vigil.Runtime.Persistence;

/// <summary>
/// The grain-state schema, versioned. Append a migration to change it; never edit one that has shipped. The
/// applied version per component lives in <c>vigil_schema</c>.
/// </summary>
public static class GrainStateSchema
{
    public const string Component = "grain_state";

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS vigil_schema (
            component TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            applied_at TEXT NOT NULL)
        """;

    public static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new(
            1,
            "grain state keyed by grain type and key, with a version that only grows (a cleared state keeps a tombstone)",
            """
            CREATE TABLE vigil_grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                payload BYTEA,
                version BIGINT NOT NULL,
                modified_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (grain_type, grain_key))
            """,
            """
            CREATE TABLE vigil_grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                payload BLOB,
                version INTEGER NOT NULL,
                modified_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key)) WITHOUT ROWID
            """),
        new(
            2,
            "the shard of each grain, for shard ownership and handoff",
            "ALTER TABLE vigil_grain_state ADD COLUMN shard INTEGER NOT NULL DEFAULT -1",
            "ALTER TABLE vigil_grain_state ADD COLUMN shard INTEGER NOT NULL DEFAULT -1"),
        new(
            3,
            "payloads compressed with lz4 where the server has it: a pod's state is rewritten whole with every batch, "
            + "and pglz, the default, spent about half a core of the ingest benchmark compressing it",
            """
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
                    ALTER TABLE vigil_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
                END IF;
            END
            $$
            """,
            "SELECT 'SQLite does not compress payloads: nothing to change'"),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
