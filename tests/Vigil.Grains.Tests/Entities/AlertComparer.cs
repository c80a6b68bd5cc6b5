using Vigil.Grains.Alerts;

namespace Vigil.Grains.Tests.Entities;

/// <summary>Alerts equal by value, evidence included (records compare their lists by reference).</summary>
public sealed class AlertComparer : IEqualityComparer<Alert>
{
    public static readonly AlertComparer Instance = new();

    public bool Equals(Alert? x, Alert? y) =>
        x is not null && y is not null && Json(x) == Json(y);

    public int GetHashCode(Alert obj) => Json(obj).GetHashCode(StringComparison.Ordinal);

    private static string Json(Alert alert) => System.Text.Json.JsonSerializer.Serialize(alert);
}
