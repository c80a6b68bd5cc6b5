using Vigil.Silo.AlertIndex;
using Vigil.TestSupport;

namespace Vigil.Silo.Tests.Alerts;

public sealed class PostgresAlertIndexStoreTests : AlertIndexStoreContract, IAsyncDisposable
{
    private TestDatabase? _database;
    private AlertIndexDatabase? _index;

    protected override async Task<AlertIndexDatabase> DatabaseAsync()
    {
        if (TestDatabase.Server is not { } server)
        {
            Assert.Skip("VIGIL_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
            throw new InvalidOperationException("unreachable");
        }
        _database ??= await TestDatabase.CreateAsync(server);
        return _index ??= AlertIndexDatabase.ForPostgres(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_index is not null)
        {
            await _index.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
