using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Vigil.Grains.Entities;
using Vigil.Grains.Identities;
using Vigil.Grains.Topology;
using Vigil.Runtime;
using Vigil.Scenarios;
using Vigil.Silo.Ingestion;
using Vigil.Silo.Security;

namespace Vigil.Silo.Demo;

/// <summary>
/// Plays every attack scenario into the demo cluster once the silo is serving, then again each interval. Events go
/// through the same dispatchers the ingestion endpoints use, in sensor-sized batches, so the grains, rules, alert
/// index and live stream see exactly what a real sensor and API server would cause. Each round has a run id of its
/// own, so it raises new alerts rather than adding to the last round's; a restarted silo goes on from the last
/// round its store holds rather than replaying onto the first round's pods.
/// </summary>
public sealed partial class DemoPlayer(
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    IGrainFactory grains,
    RuntimeDispatcher runtime,
    AuditDispatcher audit,
    EventRateMeter meter,
    SiloEndpoints endpoints,
    IOptions<SiloOptions> silo,
    TimeProvider time,
    ILogger<DemoPlayer> logger) : BackgroundService
{
    /// <summary>Events per runtime batch, as a node sensor flushes them.</summary>
    private const int BatchSize = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || !await StartedAsync(stoppingToken))
        {
            return;
        }

        LogOpen(logger, endpoints.Http, SiloCredentials.PathIn(Path.GetFullPath(silo.Value.DataDirectory)));
        var round = await LastRoundAsync(demo.Cluster);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                round++;
                try
                {
                    var played = await PlayRoundAsync(demo.Cluster, $"demo{round}", stoppingToken);
                    LogPlayed(logger, round, played, demo.Cluster, demo.Interval);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed round must not stop the demo: the next one may find the silo in better shape.
                    LogFailed(logger, ex, round);
                }
                await Task.Delay(demo.Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task<int> PlayRoundAsync(string cluster, string run, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var events = 0;
        foreach (var name in AttackScenarios.Names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trace = AttackScenarios.Build(name, cluster, start, run);
            foreach (var batch in trace.Runtime.Chunk(BatchSize))
            {
                await runtime.DispatchAsync(cluster, batch);
            }
            if (trace.Audit.Count > 0)
            {
                await audit.DispatchAsync(cluster, trace.Audit);
            }
            events += trace.Runtime.Count + trace.Audit.Count;
            meter.Add(trace.Runtime.Count + trace.Audit.Count);
        }
        return events;
    }

    /// <summary>The highest round whose pods the demo cluster's namespace already lists (0 on a new store).</summary>
    private async Task<int> LastRoundAsync(string cluster)
    {
        var pods = await grains.GetGrain<INamespaceGrain>($"{cluster}/{ScenarioPod.For(cluster, AttackScenarios.Names[0]).Namespace}").GetAsync();
        return pods.Pods.Select(p => RoundOf().Match(p.Name)).Where(m => m.Success)
            .Select(m => int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
    }

    [GeneratedRegex("-demo([0-9]{1,9})$")]
    private static partial Regex RoundOf();

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information,
        Message = "Demo round {Round}: played the attack scenarios into cluster '{Cluster}' ({Events} events); the next round in {Interval}")]
    private static partial void LogPlayed(ILogger logger, int round, int events, string cluster, TimeSpan interval);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information,
        Message = "Demo mode: open http://{Http}/ and sign in with the adminToken in {Credentials} (written on first start)")]
    private static partial void LogOpen(ILogger logger, string http, string credentials);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Demo round {Round} failed; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception, int round);
}
