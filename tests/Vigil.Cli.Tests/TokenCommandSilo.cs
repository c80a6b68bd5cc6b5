using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Silo;
using Vigil.Silo.Security;

namespace Vigil.Cli.Tests;

/// <summary>A real silo in the test's process, on loopback ports the OS picks, with the admin token it wrote.</summary>
public sealed class TokenCommandSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _data;

    private TokenCommandSilo(WebApplication app, string data)
    {
        _app = app;
        _data = data;
        Url = $"http://{app.Services.GetRequiredService<SiloEndpoints>().Http}";
        Credentials = SiloCredentials.Read(SiloCredentials.PathIn(data)) ?? throw new InvalidOperationException("no credentials.json");
    }

    public string Url { get; }

    public SiloCredentials Credentials { get; }

    public static async Task<TokenCommandSilo> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("vigil-cli-tokens-").FullName;
        var app = SiloApplication.Build(new Dictionary<string, string?>
        {
            ["Silo:GrpcListen"] = "127.0.0.1:0",
            ["Silo:HttpListen"] = "127.0.0.1:0",
            ["Silo:DataDirectory"] = data,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TokenCommandSilo(app, data);
    }

    /// <summary>Runs vigil with <paramref name="args"/> off the test's thread, as the real command blocks on its HTTP calls.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => Task.Run(() => CliRun.In(Path.GetTempPath(), args), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
