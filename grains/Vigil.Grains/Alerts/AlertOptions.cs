namespace Vigil.Grains.Alerts;

/// <summary>How alerts are grouped and how many a pod keeps.</summary>
public sealed class AlertOptions
{
    /// <summary>Repeats of a rule on one entity within this time of the alert's first sighting add to that alert.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Alerts kept per pod; past it the oldest closed alert goes first, then the oldest active one.</summary>
    public int MaxAlertsPerPod { get; set; } = 256;

    /// <summary>Evidence kept per alert: the first event and the most recent others.</summary>
    public int MaxEvidencePerAlert { get; set; } = 8;

    public void Validate()
    {
        if (DeduplicationWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DeduplicationWindow), DeduplicationWindow, "must be positive");
        }
        if (MaxAlertsPerPod < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAlertsPerPod), MaxAlertsPerPod, "must be at least 1");
        }
        if (MaxEvidencePerAlert < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEvidencePerAlert), MaxEvidencePerAlert, "must be at least 1");
        }
    }
}
