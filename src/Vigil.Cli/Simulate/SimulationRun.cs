using Vigil.Scenarios;

namespace Vigil.Cli.Simulate;

/// <summary>
/// Plays the scenarios through the real ingestion path — runtime events over the sensor stream, audit events to the
/// audit webhook endpoint — then waits for their alerts through the API and reports expected versus fired.
/// </summary>
public sealed class SimulationRun(SimulationSettings settings, SiloApiClient api, SiloApiClient ingestApi, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var traces = settings.Scenarios.Select(name => AttackScenarios.Build(name, settings.Cluster, start, settings.Run)).ToList();
        output.WriteLine($"vigil simulate: run {settings.Run}, {traces.Count} scenario(s) into cluster '{settings.Cluster}' "
            + $"(runtime events over gRPC to {settings.Grpc}, audit events and alerts through {api.BaseUri})");
        var firings = new List<ExpectedFiring>();
        using (var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            sending.CancelAfter(settings.Timeout);
            try
            {
                await using var runtime = RuntimeEventSender.Connect(settings.Grpc, settings.Cluster, traces[0].Pod.Node, settings.Run, settings.IngestToken);
                foreach (var trace in traces)
                {
                    firings.AddRange(await SendAsync(trace, runtime, sending.Token));
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error.WriteLine($"vigil: the silo did not acknowledge the events within {settings.Timeout.TotalSeconds:0.#} s (is its gRPC endpoint {settings.Grpc}?)");
                return ExitCodes.Failed;
            }
            catch (Exception ex) when (ex is SimulationException or InvalidOperationException or Vigil.Grpc.RpcException or IOException)
            {
                error.WriteLine($"vigil: sending the scenario failed: {ex.Message}");
                return ExitCodes.Failed;
            }
        }

        var problem = await new AlertWaiter(api, settings.Cluster, start.AddSeconds(-5)).WaitAsync(firings, settings.Timeout, cancellationToken);
        SimulationReport.Write(output, firings);
        if (problem is not null)
        {
            error.WriteLine($"vigil: {problem}");
        }
        return firings.All(f => f.Passed) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private async Task<List<ExpectedFiring>> SendAsync(ScenarioTrace trace, RuntimeEventSender runtime, CancellationToken cancellationToken)
    {
        var runtimeSent = DateTimeOffset.UtcNow;
        await runtime.SendAsync(trace.Runtime, cancellationToken);
        var auditSent = DateTimeOffset.UtcNow;
        if (trace.Audit.Count > 0)
        {
            var response = await ingestApi.SendAsync(
                HttpMethod.Post, $"api/v1/clusters/{Uri.EscapeDataString(settings.Cluster)}/audit", AuditEventJson.EventList(trace.Audit), cancellationToken);
            if (!response.Succeeded)
            {
                throw new SimulationException($"the audit endpoint refused the {trace.Name} scenario's events: {response.Problem}");
            }
        }
        return [.. trace.Expected.Select(e => e.Subject == AlertSubject.Pod
            ? new ExpectedFiring(trace.Name, e, trace.Pod.Name, runtimeSent)
            : new ExpectedFiring(trace.Name, e, $"{trace.Pod.Namespace}/{trace.Pod.ServiceAccount}", auditSent))];
    }
}
