using Vigil.Grains.Alerts;

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

    /// <summary>The sequence of the last alert summary sent to the cluster.</summary>
    public long ReportSequence { get; set; }
}
