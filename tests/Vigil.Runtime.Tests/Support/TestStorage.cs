using Npgsql;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Support;

/// <summary>
/// One storage for a test: a SQLite file in a fresh directory, or the test command's PostgreSQL
/// (<c>VIGIL_TEST_POSTGRES</c>). Silos started on the same instance share it, as restarted silos would.
/// </summary>
public sealed class TestStorage : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _directory;
    private readonly string? _adminConnection;

    private TestStorage(string kind, string location, string? directory, string? adminConnection = null)
    {
        Kind = kind;
        Location = location;
        _directory = directory;
        _adminConnection = adminConnection;
    }

    public string Kind { get; }

    public string Location { get; }

    public static TheoryData<string> Kinds => [Sqlite, Postgres];

    /// <summary>The storage, or a skipped test when PostgreSQL was not provided (run ./test.sh to get one).</summary>
    public static TestStorage Create(string kind)
    {
        if (kind == Postgres)
        {
            var connectionString = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
            if (string.IsNullOrEmpty(connectionString))
            {
                Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
            }

            return new TestStorage(kind, connectionString, null);
        }

        var directory = Directory.CreateTempSubdirectory("vigil-runtime-test-").FullName;
        return new TestStorage(kind, Path.Combine(directory, "vigil.db"), directory);
    }

    /// <summary>Like <see cref="Create"/>, but PostgreSQL gets a database of its own, for tests that change the schema.</summary>
    public static TestStorage CreateIsolated(string kind)
    {
        var shared = Create(kind);
        if (kind != Postgres)
        {
            return shared;
        }

        var name = "vigil_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(shared.Location))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }

        return new TestStorage(kind, new NpgsqlConnectionStringBuilder(shared.Location) { Database = name }.ConnectionString, null, shared.Location);
    }

    public void Configure(GrainRuntimeBuilder builder)
    {
        if (Kind == Postgres)
        {
            builder.UsePostgresStorage(Location);
        }
        else
        {
            builder.UseSqliteStorage(Location);
        }
    }

    /// <summary>A second, independent storage on the same data: its own connections, as another process would have.</summary>
    public async Task<IGrainStorage> OpenSeparateAsync()
    {
        IGrainStorage storage = Kind == Postgres
            ? new PostgresGrainStorage(NpgsqlDataSource.Create(Location))
            : new SqliteGrainStorage(Location, TimeProvider.System);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    public void Dispose()
    {
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(_adminConnection);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(Location).Database} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
