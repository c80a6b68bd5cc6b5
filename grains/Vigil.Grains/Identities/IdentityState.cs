using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Identities;

/// <summary>The stored state of a service-account or user grain: who it is, what it does, and its alerts.</summary>
public sealed class IdentityState : IAlertingState
{
    public IdentityKind Kind { get; set; }

    public string Cluster { get; set; } = "";

    public string Username { get; set; } = "";

    /// <summary>The service account's namespace and name; empty for a user.</summary>
    public string Namespace { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>When Vigil first saw a request of this identity: the start of its learning period.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public long Requests { get; set; }

    public long Denied { get; set; }

    public ActivityBaseline Baseline { get; set; } = new();

    public List<Alert> Alerts { get; set; } = [];

    /// <summary>The last batch applied per sender incarnation.</summary>
    public Dictionary<string, AppliedBatch> AppliedBatches { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The latest records' <c>auditID/stage</c>, oldest first, at most <see cref="IdentityGrain.RecentRecordLimit"/>: the
    /// same record arriving twice (a webhook and a log export, a re-imported file) is judged once.
    /// </summary>
    public List<string> RecentRecords { get; set; } = [];

    /// <summary>A counter that orders insertions into the bounded collections, for oldest-first eviction.</summary>
    public long NextOrder { get; set; }

    /// <summary>When a service account last announced itself to its namespace.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }

    /// <summary>The sequence of the last alert summary sent to the cluster.</summary>
    public long ReportSequence { get; set; }
}
