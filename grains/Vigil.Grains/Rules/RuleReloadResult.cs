namespace Vigil.Grains.Rules;

/// <summary>What a reload did: whether it swapped, every diagnostic it found, and the set now in force.</summary>
public sealed record RuleReloadResult<TEvent>(
    bool Swapped, IReadOnlyList<RuleDiagnostic> Diagnostics, RuleSet<TEvent> Current, int Generation);
