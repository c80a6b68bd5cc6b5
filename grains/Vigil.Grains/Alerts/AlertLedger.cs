using Vigil.Grains.Rules;

namespace Vigil.Grains.Alerts;

/// <summary>
/// De-duplicates and bounds the alerts of one pod, over a list the pod's state owns. One alert per rule and
/// container covers a fixed window from its first sighting: repeats inside it raise the count and lastSeen, the
/// first repeat after it opens a new alert, so a long attack shows as one alert per window rather than one forever.
/// A dismissed alert keeps absorbing its repeats for the rest of its window (someone judged them harmless); a
/// resolved one does not (the behaviour came back after it was dealt with), so a repeat opens a new alert.
/// Runs inside grain turns only, so it is not thread-safe and need not be.
/// </summary>
public sealed class AlertLedger(List<Alert> alerts, AlertOptions options, TimeProvider time)
{
    private readonly List<string> _changed = [];

    /// <summary>The alerts opened, added to or given a new status through this ledger, in their latest form.</summary>
    public IReadOnlyList<Alert> Changed => [.. _changed.Distinct(StringComparer.Ordinal)
        .Select(id => alerts.Find(a => a.Id == id)).OfType<Alert>()];

    /// <summary>Sets an alert's status; null when the alert is not (or no longer) held here.</summary>
    public Alert? SetStatus(string alertId, AlertStatus status)
    {
        var index = alerts.FindIndex(a => a.Id == alertId);
        if (index < 0)
        {
            return null;
        }
        if (alerts[index].Status != status)
        {
            alerts[index] = alerts[index] with { Status = status };
            _changed.Add(alertId);
        }
        return alerts[index];
    }

    /// <summary>Records one firing; true when it opened a new alert rather than adding to one.</summary>
    public bool Raise(RuleMetadata rule, AlertEntity entity, AlertEvidence evidence)
    {
        var now = time.GetUtcNow();
        var index = FindOpen(rule.Id, entity.Container, now);
        if (index >= 0)
        {
            var open = alerts[index];
            alerts[index] = open with
            {
                Count = open.Count + 1,
                LastSeen = now,
                Evidence = Append(open.Evidence, evidence),
            };
            _changed.Add(open.Id);
            return false;
        }

        if (alerts.Count >= options.MaxAlertsPerPod)
        {
            alerts.RemoveAt(EvictionCandidate());
        }
        var id = Guid.CreateVersion7(now).ToString();
        _changed.Add(id);
        alerts.Add(new Alert(
            id, rule.Id, rule.Title, rule.Severity, rule.Tactic, rule.Technique,
            entity.Cluster, entity.Namespace, entity.Pod, entity.Container, entity.Node, entity.ServiceAccount,
            [evidence], now, now, 1, AlertStatus.Active));
        return true;
    }

    public IReadOnlyList<Alert> Query(AlertStatus? status) =>
        [.. alerts.Where(a => status is null || a.Status == status)];

    private int FindOpen(string ruleId, string container, DateTimeOffset now)
    {
        // Newest first: an older alert of the same key has an older window.
        for (var i = alerts.Count - 1; i >= 0; i--)
        {
            var alert = alerts[i];
            if (alert.Status != AlertStatus.Resolved && alert.RuleId == ruleId && alert.Container == container
                && now - alert.FirstSeen < options.DeduplicationWindow)
            {
                return i;
            }
        }
        return -1;
    }

    private IReadOnlyList<AlertEvidence> Append(IReadOnlyList<AlertEvidence> evidence, AlertEvidence next)
    {
        // The first event says how it began, the latest how it goes on; the middle is what a bound can spare.
        var kept = new List<AlertEvidence>(evidence);
        if (kept.Count >= options.MaxEvidencePerAlert)
        {
            kept.RemoveAt(Math.Min(1, kept.Count - 1));
        }
        kept.Add(next);
        return kept;
    }

    private int EvictionCandidate()
    {
        var oldestClosed = -1;
        var oldest = 0;
        for (var i = 0; i < alerts.Count; i++)
        {
            if (alerts[i].Status != AlertStatus.Active && (oldestClosed < 0 || alerts[i].LastSeen < alerts[oldestClosed].LastSeen))
            {
                oldestClosed = i;
            }
            if (alerts[i].LastSeen < alerts[oldest].LastSeen)
            {
                oldest = i;
            }
        }
        return oldestClosed >= 0 ? oldestClosed : oldest;
    }
}
