using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;
using Vigil.Grains.Security;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Silo;
using Vigil.Silo.Ingestion.Grpc;
using Vigil.Silo.Security;
using Vigil.TestSupport;

namespace Vigil.Sensor.Client.Tests;

/// <summary>
/// The sensor service, the token registry and the detection grains with the repository's rules, on a loopback h2c
/// port and the given storage. Tokens come as the silo's: its first start writes credentials.json to the data
/// directory, and <see cref="IngestToken"/> is read from there.
/// </summary>
public sealed class IngestHost : IAsyncDisposable
{
    private readonly LoopbackGrpcHost _host;
    private readonly string? _ownedDataDirectory;

    private IngestHost(LoopbackGrpcHost host, string dataDirectory, string? ownedDataDirectory)
    {
        _host = host;
        _ownedDataDirectory = ownedDataDirectory;
        Credentials = SiloCredentials.Read(SiloCredentials.PathIn(dataDirectory))
            ?? throw new InvalidOperationException($"no credentials.json in {dataDirectory}: the registry had tokens this directory does not hold");
    }

    public Uri Address => _host.Address;

    public IGrainFactory Grains => _host.Services.GetRequiredService<GrainRuntime>();

    public AlertFeed Feed => _host.Services.GetRequiredService<AlertFeed>();

    /// <summary>The tokens the first start wrote.</summary>
    public SiloCredentials Credentials { get; }

    /// <summary>The bootstrap ingest token, for every cluster; what <see cref="Client"/> presents.</summary>
    public string IngestToken => Credentials.IngestToken;

    /// <summary>
    /// Starts on <paramref name="storage"/>. A host restarted on the same storage needs the same
    /// <paramref name="dataDirectory"/>, as a silo does: the registry then holds the tokens of its credentials.json.
    /// </summary>
    public static async Task<IngestHost> StartAsync(IGrainStorage storage, Action<SensorIngestOptions>? options = null, string? dataDirectory = null)
    {
        var owned = dataDirectory is null ? Directory.CreateTempSubdirectory("vigil-sensor-ingest-").FullName : null;
        var data = dataDirectory ?? owned!;
        try
        {
            var host = await LoopbackGrpcHost.StartAsync(services =>
            {
                services.AddSingleton(Options.Create(new SiloOptions { DataDirectory = data }));
                services.AddGrainRuntime(b => b
                    .AddDetectionGrains(Path.Combine(RepositoryPaths.Root, "grains", "rules"))
                    .AddTokenSecurity()
                    .UseStorage(_ => storage));
                services.AddSensorIngest(options);
            });
            return new IngestHost(host, data, owned);
        }
        catch
        {
            if (owned is not null)
            {
                Directory.Delete(owned, recursive: true);
            }
            throw;
        }
    }

    public SensorIngestClient Client(string cluster, string incarnation = "i-1", int window = 64) => ClientWithToken(cluster, IngestToken, incarnation, window);

    /// <summary>A client presenting <paramref name="token"/>, or no token when it is null.</summary>
    public SensorIngestClient ClientWithToken(string cluster, string? token, string incarnation = "i-1", int window = 64) => SensorIngestClient.Start(new SensorIngestClientOptions
    {
        Address = Address,
        SensorId = "sensor/node-1",
        Node = "node-1",
        Cluster = cluster,
        Incarnation = incarnation,
        Token = token,
        MaxUnacknowledgedBatches = window,
    });

    /// <summary>A raw call presenting the bootstrap ingest token.</summary>
    public RawSensorCall Raw() => new RawSensorCall().Bearer(IngestToken);

    /// <summary>A new token, registered as <c>POST /api/v1/tokens</c> registers one; returns its id and its value.</summary>
    public async Task<(string Id, string Token)> CreateTokenAsync(TokenRole role, string? cluster)
    {
        var token = BearerTokens.Create();
        var record = new TokenRecord(BearerTokens.CreateId(), $"test {role} {cluster}", role, cluster, BearerTokens.Hash(token), DateTimeOffset.UtcNow);
        Assert.True(await Grains.GetGrain<ITokenRegistryGrain>(ITokenRegistryGrain.Key).AddAsync(record));
        _host.Services.GetRequiredService<TokenAuthenticator>().Invalidate();
        return (record.Id, token);
    }

    /// <summary>Revokes a token as <c>DELETE /api/v1/tokens/{id}</c> does: this silo stops accepting it at once.</summary>
    public async Task RevokeTokenAsync(string id)
    {
        var result = await Grains.GetGrain<ITokenRegistryGrain>(ITokenRegistryGrain.Key).RevokeAsync(id);
        Assert.Equal(TokenRevokeOutcome.Revoked, result.Outcome);
        _host.Services.GetRequiredService<TokenAuthenticator>().Invalidate();
    }

    public async Task<IReadOnlyList<Alert>> PodAlertsAsync(string podKey) => await Grains.GetGrain<IPodGrain>(podKey).GetAlertsAsync(null);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_ownedDataDirectory is not null)
        {
            Directory.Delete(_ownedDataDirectory, recursive: true);
        }
    }
}
