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

    private TestStorage(string kind, string location, string? directory)
    {
        Kind = kind;
        Location = location;
        _directory = directory;
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
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
