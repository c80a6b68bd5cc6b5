using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.Silo.AlertIndex;

/// <summary>Where the index lives: the embedded store's SQLite file, or the cluster's PostgreSQL.</summary>
public sealed class AlertIndexDatabase : IAsyncDisposable
{
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    private AlertIndexDatabase(string? sqlite, NpgsqlDataSource? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public bool IsPostgres => _postgres is not null;

    /// <summary>The same file as the grain state; its WAL journal lets readers run beside the commit queue.</summary>
    public static AlertIndexDatabase ForSqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString(), null);
    }

    /// <summary>A pool of its own, small: the index writes in batches and serves queries, never one per alert.</summary>
    public static AlertIndexDatabase ForPostgres(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxPoolSize = 4;
        }
        return new(null, NpgsqlDataSource.Create(settings.ConnectionString));
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
