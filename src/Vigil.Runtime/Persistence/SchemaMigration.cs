namespace Vigil.Runtime.Persistence;

/// <summary>One step of a storage schema, in each dialect. Steps are applied in order, once, and recorded.</summary>
public sealed record SchemaMigration(int Version, string Description, string Postgres, string Sqlite);
