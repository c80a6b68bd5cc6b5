using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Tests.Alerts;

public sealed class SqliteAlertIndexStoreTests : AlertIndexStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-alert-index-").FullName;

    protected override Task<AlertIndexDatabase> DatabaseAsync() =>
        Task.FromResult(AlertIndexDatabase.ForSqlite(Path.Combine(_directory, "vigil.db")));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
