using Microsoft.Extensions.Options;
using Vigil.Grpc.Health;
using ServingStatus = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Vigil.Silo;

/// <summary>
/// Tells probes and gRPC health checks whether this silo takes work: ready once every endpoint is bound,
/// not ready from the moment shutdown begins, so load balancers drain it first.
/// </summary>
public sealed partial class SiloReadiness(
    IHostApplicationLifetime lifetime,
    HealthService health,
    SiloEndpoints endpoints,
    IOptions<SiloOptions> options,
    ILogger<SiloReadiness> logger) : IHostedService
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        health.SetStatus(string.Empty, ServingStatus.NotServing);
        lifetime.ApplicationStarted.Register(() =>
        {
            _ready = true;
            health.SetStatus(string.Empty, ServingStatus.Serving);
            LogReady(logger, endpoints.Grpc, endpoints.Http, options.Value.Postgres is null ? "SQLite at " + SiloApplication.SqlitePath(options.Value) : "PostgreSQL");
        });
        lifetime.ApplicationStopping.Register(() =>
        {
            _ready = false;
            health.SetStatus(string.Empty, ServingStatus.NotServing);
            LogStopping(logger, options.Value.GrpcListen);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Vigil silo ready: gRPC h2c on {Grpc}, HTTP on {Http}, grain state in {Store}")]
    private static partial void LogReady(ILogger logger, string grpc, string http, string store);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Vigil silo ({Grpc}) stopping: no longer ready")]
    private static partial void LogStopping(ILogger logger, string grpc);
}
