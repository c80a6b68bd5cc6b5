using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Security;

/// <summary>A silo in the test's process on loopback ports the OS picks, over a data directory the test may reuse.</summary>
public sealed class TokenSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TokenSilo(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://{app.Services.GetRequiredService<SiloEndpoints>().Http}/");
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public string CredentialsPath => SiloCredentials.PathIn(DataDirectory);

    /// <summary>The credentials the silo wrote (or found) in its data directory.</summary>
    public SiloCredentials Credentials => SiloCredentials.Read(CredentialsPath) ?? throw new InvalidOperationException("no credentials.json");

    /// <summary>Starts a silo on <paramref name="dataDirectory"/>; <paramref name="map"/> adds endpoints before it starts.</summary>
    public static async Task<TokenSilo> StartAsync(string dataDirectory, Action<WebApplication>? map = null)
    {
        var app = SiloApplication.Build(new Dictionary<string, string?>
        {
            ["Silo:GrpcListen"] = "127.0.0.1:0",
            ["Silo:HttpListen"] = "127.0.0.1:0",
            ["Silo:DataDirectory"] = dataDirectory,
        });
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TokenSilo(app, dataDirectory);
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
