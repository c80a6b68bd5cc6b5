using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Ingestion.Support;

/// <summary>
/// A real silo in the test's process: Kestrel on loopback ports picked by the OS, the embedded store in a temporary
/// directory, the shipped rules. Tests talk to it over HTTP exactly as a client would and read the grains back.
/// </summary>
public sealed class IngestionSilo : IAsyncDisposable
{
    /// <summary>The grain types ingestion writes to; a rejected request must leave every one of them untouched.</summary>
    private static readonly string[] IngestedGrainTypes =
        ["vigil.pod", "vigil.node", "vigil.cluster", "vigil.image", "vigil.serviceaccount", "vigil.user"];

    private readonly WebApplication _app;

    private IngestionSilo(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        var endpoints = app.Services.GetRequiredService<SiloEndpoints>();
        BaseAddress = new Uri($"http://{endpoints.Http}/");
        Credentials = SiloCredentials.Read(SiloCredentials.PathIn(dataDirectory))
            ?? throw new InvalidOperationException("the silo wrote no credentials.json");
        Http = Client(Credentials.IngestToken);
    }

    public Uri BaseAddress { get; }

    /// <summary>The first tokens the silo wrote; <see cref="Http"/> presents the ingest one.</summary>
    public SiloCredentials Credentials { get; }

    /// <summary>A client presenting <paramref name="token"/>, or none when it is null.</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<IngestionSilo> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("vigil-ingest-").FullName;
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Silo:GrpcListen"] = "127.0.0.1:0",
            ["Silo:HttpListen"] = "127.0.0.1:0",
            ["Silo:DataDirectory"] = dataDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var app = SiloApplication.Build(all);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new IngestionSilo(app, dataDirectory);
    }

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Http.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Grain states committed to the store by ingestion, read from SQLite itself rather than through the grains.</summary>
    public async Task<long> StoredIngestedGrainsAsync()
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = SiloApplication.SqlitePath(new SiloOptions { DataDirectory = DataDirectory }), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM vigil_grain_state WHERE grain_type IN ({string.Join(", ", IngestedGrainTypes.Select((_, i) => $"$t{i}"))})";
        for (var i = 0; i < IngestedGrainTypes.Length; i++)
        {
            command.Parameters.AddWithValue($"$t{i}", IngestedGrainTypes[i]);
        }
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
