namespace Vigil.Grains.Rules;

/// <summary>How many rules, lists and macros the rule files defined (duplicates included).</summary>
public readonly record struct RuleSetCounts(int Rules, int Lists, int Macros);
