using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Detection;
using Vigil.Grains.Topology;
using Vigil.Grains.Entities;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Identities;

/// <summary>
/// An identity's audit trail, judged one request at a time: the audit rules, then the baseline detector, then
/// learning. A request that raised the baseline alert is not learned, so an intruder cannot teach the account that
/// their use of it is normal. State and alerts are committed once per batch; subscribers hear of alerts after that,
/// and the cluster gets the identity's active counts, one way.
/// </summary>
public abstract class IdentityGrain(
    RuleSetHolder<DetectionEvent> rules, AlertOptions alertOptions, IdentityOptions options, AlertFeed feed)
    : AlertingGrain<IdentityState>(alertOptions, feed), IIdentityGrain
{
    /// <summary>Records remembered for de-duplication: far more than arrive twice apart in practice.</summary>
    public const int RecentRecordLimit = 4096;

    /// <summary>How often a service account reminds its namespace that it exists.</summary>
    public static readonly TimeSpan AnnouncementInterval = TimeSpan.FromMinutes(10);

    private readonly RuleAlerts _rules = new();

    // The lookup side of State.RecentRecords, built on first use after activation.
    private HashSet<string>? _recent;

    public Task ObserveAsync(IReadOnlyList<AuditEvent> events) => ObserveCoreAsync(null, events);

    public Task<bool> ObserveBatchAsync(BatchOrigin origin, IReadOnlyList<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return ObserveCoreAsync(origin, events);
    }

    private async Task<bool> ObserveCoreAsync(BatchOrigin? origin, IReadOnlyList<AuditEvent> events)
    {
        var announce = false;
        var applied = await ApplyBatchAsync(origin, events, ledger =>
        {
            var ruleSet = rules.Current;
            var now = TimeProvider.GetUtcNow();
            var opened = false;
            foreach (var value in events)
            {
                if (!FirstSighting(value))
                {
                    continue;
                }
                Identify(value, now);
                var entity = Entity(value);
                opened |= _rules.Raise(ruleSet, DetectionEvent.ForAudit(value), ledger, entity, output => EvidenceFactory.From(value, output));
                if (ServiceAccountAnomaly.Judge(State, value, now, options) is { } anomaly)
                {
                    opened |= ledger.Raise(ServiceAccountAnomaly.Rule, entity, EvidenceFactory.From(value, anomaly));
                    Count(value);
                }
                else
                {
                    Learn(value, now);
                }
            }
            announce = AnnouncementDue(now);
            return ValueTask.FromResult(opened);
        });
        if (announce)
        {
            // One way, after the commit: the namespace's directory never calls back.
            await GrainFactory.GetGrain<INamespaceGrain>($"{State.Cluster}/{State.Namespace}").NoteServiceAccountAsync(State.Name, State.LastSeen);
        }
        return applied;
    }

    /// <summary>A service account reminds its namespace of itself when first seen and every so often after.</summary>
    private bool AnnouncementDue(DateTimeOffset now)
    {
        if (State.Kind != IdentityKind.ServiceAccount || (State.AnnouncedAt is { } at && now - at < AnnouncementInterval))
        {
            return false;
        }
        State.AnnouncedAt = now;
        return true;
    }

    public Task<IdentityActivity> GetActivityAsync() => Task.FromResult(new IdentityActivity(
        State.Kind, State.Cluster, State.Username, State.Namespace, State.Name, State.FirstSeen, State.LastSeen,
        State.Requests > 0 && TimeProvider.GetUtcNow() - State.FirstSeen < options.LearningPeriod,
        State.Requests, State.Denied,
        new Dictionary<string, SeenValue>(State.Baseline.Operations), new Dictionary<string, SeenValue>(State.Baseline.Namespaces),
        new Dictionary<string, SeenValue>(State.Baseline.SourceIps), new Dictionary<string, SeenValue>(State.Baseline.UserAgents)));

    protected override Task ReportCountsAsync(AlertCounts counts) => State.Cluster.Length == 0
        ? Task.CompletedTask
        : GrainFactory.GetGrain<IClusterGrain>(EntityKeys.Cluster(State.Cluster))
            .ReportIdentityAlertsAsync(new IdentityAlertSummary(Key, State.ReportSequence, counts));

    /// <summary>False for a record (audit id and stage) seen already; records without an audit id are all kept.</summary>
    private bool FirstSighting(AuditEvent value)
    {
        if (value.AuditId.Length == 0)
        {
            return true;
        }
        _recent ??= new HashSet<string>(State.RecentRecords, StringComparer.Ordinal);
        var key = $"{value.AuditId}/{value.Stage}";
        if (!_recent.Add(key))
        {
            return false;
        }
        State.RecentRecords.Add(key);
        if (State.RecentRecords.Count > RecentRecordLimit)
        {
            _recent.Remove(State.RecentRecords[0]);
            State.RecentRecords.RemoveAt(0);
        }
        return true;
    }

    private void Identify(AuditEvent value, DateTimeOffset now)
    {
        if (State.Username.Length == 0)
        {
            var identity = IdentityRef.Of("", value);
            State.Kind = identity.Kind;
            State.Cluster = identity.Cluster;
            State.Username = identity.Username;
            State.Namespace = identity.Namespace;
            State.Name = identity.Name;
            State.FirstSeen = now;
        }
        State.LastSeen = now;
    }

    private AlertEntity Entity(AuditEvent value)
    {
        var target = value.ObjectRef;
        return new AlertEntity(
            State.Cluster,
            target?.Namespace ?? "",
            target is { Resource: "pods" } ? target.Name : "",
            "",
            "",
            State.Kind == IdentityKind.ServiceAccount ? $"{State.Namespace}/{State.Name}" : "");
    }

    /// <summary>Counts a request once, at the stage that carries its outcome; true when it was allowed.</summary>
    private bool Count(AuditEvent value)
    {
        if (value.Stage == "RequestReceived")
        {
            return false;
        }
        State.Requests++;
        if (!AuditOperation.Succeeded(value))
        {
            State.Denied++;
            return false;
        }
        return true;
    }

    private void Learn(AuditEvent value, DateTimeOffset now)
    {
        if (!Count(value))
        {
            return;
        }
        var baseline = State.Baseline;
        ActivityBaseline.Note(baseline.Operations, AuditOperation.Of(value), now, options.MaxOperations);
        ActivityBaseline.Note(baseline.Namespaces, value.ObjectRef?.Namespace ?? "", now, options.MaxValuesPerKind);
        foreach (var address in value.SourceIps)
        {
            ActivityBaseline.Note(baseline.SourceIps, address, now, options.MaxValuesPerKind);
        }
        ActivityBaseline.Note(baseline.UserAgents, AuditOperation.Client(value.UserAgent), now, options.MaxValuesPerKind);
    }
}
