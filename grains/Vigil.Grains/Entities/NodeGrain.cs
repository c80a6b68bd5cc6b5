using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Detection;
using Vigil.Grains.Identities;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities;

/// <summary>
/// A node: judges its host processes' events with the runtime rules, keeps its sensors' health, and sums its own and
/// its pods' alert counts for the cluster, one way.
/// </summary>
public sealed class NodeGrain(RuleSetHolder<DetectionEvent> rules, AlertOptions options, AlertFeed feed)
    : AlertingGrain<NodeState>(options, feed), INodeGrain
{
    /// <summary>Far above the pods one node runs at a time (kubelet's default limit is 110), to allow for churn.</summary>
    public const int MaxPods = 1024;

    /// <summary>Sensors per node: one normally, a few while one is replaced or when Falco and Tetragon both send.</summary>
    public const int MaxSensors = 16;

    private readonly RuleAlerts _rules = new();

    public async Task ReportPodAlertsAsync(PodAlertSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!new CountsBook(State.Pods, MaxPods).Accept(summary.PodKey, summary.Sequence, summary.Counts, State.NextOrder++))
        {
            return;
        }
        Identify(summary.Cluster, summary.Node);
        await CommitAsync(NewLedger(), countsChanged: true);
    }

    public Task ObserveHostAsync(IReadOnlyList<RuntimeEvent> events) => ObserveCoreAsync(null, events);

    public Task<bool> ObserveHostBatchAsync(BatchOrigin origin, IReadOnlyList<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return ObserveCoreAsync(origin, events);
    }

    public async Task ReportSensorAsync(SensorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (State.Sensors.TryGetValue(report.SensorId, out var known) && known.LastBatchAt > report.LastBatchAt)
        {
            return;
        }
        BoundedMap.MakeRoom(State.Sensors, report.SensorId, MaxSensors, s => s.LastBatchAt);
        State.Sensors[report.SensorId] = report;
        await WriteStateAsync();
    }

    public Task<NodeProfile> GetProfileAsync() => Task.FromResult(new NodeProfile(
        State.Cluster, State.Node, [.. State.Sensors.Values.OrderBy(s => s.SensorId, StringComparer.Ordinal)],
        new Dictionary<string, SeenValue>(State.Host.Executables), new Dictionary<string, long>(State.Host.EventsByType),
        State.Host.LastEventAt, State.Pods.Count, Total()));

    public Task<AlertCounts> GetAlertCountsAsync() => Task.FromResult(Total());

    protected override Task ReportCountsAsync(AlertCounts counts) => State.Cluster.Length == 0
        ? Task.CompletedTask
        : GrainFactory.GetGrain<IClusterGrain>(EntityKeys.Cluster(State.Cluster))
            .ReportNodeAlertsAsync(new NodeAlertSummary(State.Node, State.ReportSequence, Total()));

    private Task<bool> ObserveCoreAsync(BatchOrigin? origin, IReadOnlyList<RuntimeEvent> events) =>
        ApplyBatchAsync(origin, events, ledger =>
        {
            var ruleSet = rules.Current;
            var now = TimeProvider.GetUtcNow();
            var opened = false;
            foreach (var value in events)
            {
                Identify(value.Context?.Cluster ?? "", value.Context?.Node ?? "");
                var entity = new AlertEntity(State.Cluster, "", "", "", State.Node);
                opened |= _rules.Raise(ruleSet, DetectionEvent.ForRuntime(value), ledger, entity, output => EvidenceFactory.From(value, output));
                Record(value, now);
            }
            return ValueTask.FromResult(opened);
        });

    private void Record(RuntimeEvent value, DateTimeOffset now)
    {
        var host = State.Host;
        var type = EventTypes.Of(value) ?? value.KindCase.ToString();
        host.EventsByType[type] = host.EventsByType.GetValueOrDefault(type) + 1;
        host.LastEventAt = now;
        if (value.KindCase == RuntimeEvent.KindOneofCase.Exec && value.Errno == 0 && value.Process is { Binary.Length: > 0 } process)
        {
            ActivityBaseline.Note(host.Executables, process.Binary, now, HostActivity.MaxExecutables);
        }
    }

    private void Identify(string cluster, string node)
    {
        if (cluster.Length > 0)
        {
            State.Cluster = cluster;
        }
        if (node.Length > 0)
        {
            State.Node = node;
        }
    }

    /// <summary>The node's own active alerts and its pods' latest counts.</summary>
    private AlertCounts Total() => AlertCounts.OfActive(State.Alerts).Plus(new CountsBook(State.Pods, MaxPods).Total());
}
