namespace Vigil.Grains.Rules;

/// <summary>The compiled set (null when any error was found) and every diagnostic, in file order.</summary>
public sealed record RuleLoadResult<TEvent>(RuleSet<TEvent>? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Succeeded => RuleSet is not null;

    /// <summary>What the files defined, counted even when the set failed to compile, for a validator's summary.</summary>
    public RuleSetCounts Counts { get; init; }
}
