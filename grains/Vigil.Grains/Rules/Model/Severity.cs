namespace Vigil.Grains.Rules;

/// <summary>Defender for Containers' alert severities.</summary>
public enum Severity
{
    Informational,
    Low,
    Medium,
    High,
}
