namespace Vigil.Silo.AlertIndex;

/// <summary>What a page of alerts is ordered by; ties are broken by alert id, which grows with time (UUID v7).</summary>
public enum AlertSort
{
    LastSeen,
    FirstSeen,
    Severity,
    Count,
}
