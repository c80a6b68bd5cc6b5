using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Vigil.Grains.Entities;
using Vigil.Grpc.Server;
using Vigil.Runtime.Clustering;
using Vigil.Runtime.Hosting;
using Vigil.Silo.Api.Alerts;
using Vigil.Silo.Api.Entities;
using Vigil.Silo.Demo;
using Vigil.Silo.Ingestion.Grpc;
using Vigil.Silo.Ingestion.Http;
using Vigil.Silo.OpenApi;
using Vigil.Silo.Security;

namespace Vigil.Silo;

/// <summary>Composes the silo: configuration, endpoints, services, routes, in that order.</summary>
public static class SiloApplication
{
    /// <summary>The embedded store's file: <c>vigil.db</c> in the data directory, resolved against the working directory.</summary>
    public static string SqlitePath(SiloOptions options) => Path.Combine(Path.GetFullPath(options.DataDirectory), "vigil.db");

    /// <summary>The rule directory in force: the configured one, or the rules shipped beside the binary.</summary>
    public static string RulesDirectory(SiloOptions options) =>
        Path.GetFullPath(options.RulesDirectory ?? Path.Combine(AppContext.BaseDirectory, "rules"));

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddEnvironmentVariables("VIGIL_");
        builder.Configuration.AddInMemoryCollection(settings);

        // Kestrel needs the addresses before the host exists, so the options are validated here, once.
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var validation = new SiloOptionsValidator().Validate(null, silo);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions), validation.Failures);
        }

        if (silo.Postgres is not null && IPEndPoint.Parse(silo.GrpcListen).Port == 0)
        {
            // Other silos need the real port before Kestrel binds, so a cluster member picks it now.
            silo.GrpcListen = ListenAddress.WithFreePort(silo.GrpcListen);
        }

        builder.Services.AddSingleton(Options.Create(silo));
        var endpoints = new SiloEndpoints();
        builder.Services.AddSingleton(endpoints);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC without TLS has no ALPN, so its endpoint speaks HTTP/2 only (prior knowledge).
            kestrel.Listen(IPEndPoint.Parse(silo.GrpcListen), listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                endpoints.GrpcListenOptions = listen;
            });
            kestrel.Listen(IPEndPoint.Parse(silo.HttpListen), listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                endpoints.HttpListenOptions = listen;
            });
        });

        builder.Services.AddGrpcServer();
        builder.Services.AddSensorIngest();
        builder.Services.AddGrainRuntime(
            runtime =>
            {
                if (silo.Postgres is { } postgres)
                {
                    endpoints.SiloId = silo.SiloId ?? $"{Environment.MachineName}-{IPEndPoint.Parse(silo.GrpcListen).Port}";
                    runtime.UseCluster(postgres, new ClusterOptions
                    {
                        SiloId = endpoints.SiloId,
                        Address = silo.Advertise ?? silo.GrpcListen,
                    });
                }
                else
                {
                    runtime.UseSqliteStorage(SqlitePath(silo));
                }
                runtime.AddDetectionGrains(RulesDirectory(silo));
                runtime.AddTokenSecurity();
            },
            options => builder.Configuration.GetSection(GrainRuntimeOptions.Section).Bind(options));
        builder.Services.AddSingleton<RuleReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RuleReloader>());
        builder.Services.AddSingleton<SiloReadiness>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SiloReadiness>());
        builder.Services.AddHttpIngestion(builder.Configuration);
        builder.Services.AddAlertsApi(silo, builder.Configuration);
        builder.Services.AddDemo(builder.Configuration);
        builder.Services.AddSiloOpenApi();

        var app = builder.Build();
        Dashboard.Map(app);
        app.MapGrpcServices();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        SiloOperatorEndpoints.Map(app);
        RuleEndpoints.Map(app);
        TokenEndpoints.Map(app);
        IngestionEndpoints.Map(app);
        AlertEndpoints.Map(app);
        EntityEndpoints.Map(app);
        SiloOpenApi.Map(app);
        app.MapGet("/readyz", (SiloReadiness readiness) => readiness.IsReady
            ? Results.Text("ready\n")
            : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
