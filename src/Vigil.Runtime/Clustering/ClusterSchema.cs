using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Clustering;

/// <summary>Membership and shard leases (PostgreSQL only: a cluster needs a shared database).</summary>
public static class ClusterSchema
{
    public const string Component = "cluster";

    public static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new(
            1,
            "silos with an incarnation per start; one lease row per shard with an epoch that only grows",
            $"""
            CREATE TABLE vigil_silos (
                silo_id TEXT PRIMARY KEY,
                incarnation BIGINT NOT NULL,
                address TEXT NOT NULL,
                status TEXT NOT NULL,
                heartbeat_at TIMESTAMPTZ NOT NULL,
                started_at TIMESTAMPTZ NOT NULL);
            CREATE TABLE vigil_shard_leases (
                shard INTEGER PRIMARY KEY,
                owner_silo TEXT,
                owner_incarnation BIGINT,
                epoch BIGINT NOT NULL,
                expires_at TIMESTAMPTZ NOT NULL);
            INSERT INTO vigil_shard_leases
                SELECT s, NULL, NULL, 0, '-infinity' FROM generate_series(0, {GrainId.ShardCount - 1}) AS s;
            """,
            Sqlite: string.Empty),
        new(
            2,
            "load figures each silo reports with its heartbeat, for the operators' view",
            "ALTER TABLE vigil_silos ADD COLUMN activations BIGINT NOT NULL DEFAULT 0, ADD COLUMN calls_per_second DOUBLE PRECISION NOT NULL DEFAULT 0",
            Sqlite: string.Empty),
        new(
            3,
            "an optional record of which silo incarnation committed under which shard epoch, written in the commit's own transaction",
            """
            CREATE TABLE vigil_commit_log (
                shard INTEGER NOT NULL,
                epoch BIGINT NOT NULL,
                silo_id TEXT NOT NULL,
                incarnation BIGINT NOT NULL,
                first_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                PRIMARY KEY (shard, epoch, silo_id, incarnation))
            """,
            Sqlite: string.Empty),
    ];
}
