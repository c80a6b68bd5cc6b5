namespace Vigil.Grains.Rules;

/// <summary>A rule as parsed, before its condition and output are compiled.</summary>
internal sealed record RuleDraft(RuleMetadata Metadata, LocatedText Condition, LocatedText Output);
