using Vigil.Grains.Rules;

namespace Vigil.Grains.Alerts;

/// <summary>Active alerts by severity: what pods report to nodes and nodes to clusters.</summary>
public sealed record AlertCounts(int High, int Medium, int Low, int Informational)
{
    public static AlertCounts None { get; } = new(0, 0, 0, 0);

    public int Total => High + Medium + Low + Informational;

    public static AlertCounts OfActive(IEnumerable<Alert> alerts)
    {
        var counts = new int[4];
        foreach (var alert in alerts)
        {
            if (alert.Status == AlertStatus.Active)
            {
                counts[(int)alert.Severity]++;
            }
        }
        return new AlertCounts(counts[(int)Severity.High], counts[(int)Severity.Medium], counts[(int)Severity.Low], counts[(int)Severity.Informational]);
    }

    public AlertCounts Plus(AlertCounts other) =>
        new(High + other.High, Medium + other.Medium, Low + other.Low, Informational + other.Informational);
}
