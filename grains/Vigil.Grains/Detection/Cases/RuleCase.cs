namespace Vigil.Grains.Detection.Cases;

/// <summary>One event a rule must match (positive) or must not match (negative).</summary>
public sealed record RuleCase(string Name, bool Positive, DetectionEvent Event, string Location);
