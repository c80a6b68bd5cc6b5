namespace Vigil.Grains.Alerts;

/// <summary>Where an alert stands: active until someone resolves or dismisses it.</summary>
public enum AlertStatus
{
    Active,
    Resolved,
    Dismissed,
}
