using Microsoft.Extensions.Options;
using Vigil.Grains.Security;
using Vigil.Runtime;

namespace Vigil.Silo.Security;

/// <summary>
/// On start, gives a registry that has never held a token its admin and ingest tokens, written once to
/// <c>DATA_DIR/credentials.json</c>. The file is written before the registry stores the hashes: a crash between the
/// two leaves a file whose tokens the next start registers, never stored tokens that no one holds. Runs once the
/// endpoints are bound (so in a cluster the registry's owner, wherever it is, can be reached) and before the silo
/// reports ready.
/// </summary>
public sealed partial class TokenBootstrap(
    IGrainFactory grains, IOptions<SiloOptions> options, TimeProvider time, ILogger<TokenBootstrap> log) : IHostedLifecycleService
{
    public string CredentialsPath => SiloCredentials.PathIn(options.Value.DataDirectory);

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var registry = grains.GetGrain<ITokenRegistryGrain>(ITokenRegistryGrain.Key);
        var path = CredentialsPath;
        if (SiloCredentials.Read(path) is { } existing)
        {
            if (await registry.BootstrapAsync(Records(existing)).WaitAsync(cancellationToken))
            {
                LogRegistered(path);
            }
            return;
        }

        var fresh = SiloCredentials.Create();
        if (!fresh.TryWriteNew(path))
        {
            // Another process sharing this data directory wrote it a moment ago; its tokens are the ones to keep.
            await StartedAsync(cancellationToken);
            return;
        }

        if (await registry.BootstrapAsync(Records(fresh)).WaitAsync(cancellationToken))
        {
            LogWritten(path);
        }
        else
        {
            // The registry had tokens already (another silo of the cluster, or an earlier start): these were never valid.
            File.Delete(path);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private TokenRecord[] Records(SiloCredentials credentials)
    {
        var now = time.GetUtcNow();
        return
        [
            new(BearerTokens.CreateId(), "bootstrap admin", TokenRole.Admin, null, BearerTokens.Hash(credentials.AdminToken), now),
            new(BearerTokens.CreateId(), "bootstrap ingest", TokenRole.Ingest, null, BearerTokens.Hash(credentials.IngestToken), now),
        ];
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Vigil credentials: an admin token and an ingest token were created and written once to {Path} (mode 0600); they are not shown again, keep them safe")]
    private partial void LogWritten(string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Vigil credentials: the token registry was empty; registered the admin and ingest tokens in {Path}")]
    private partial void LogRegistered(string path);
}
