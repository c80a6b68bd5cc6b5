namespace Vigil.Grains.Rules;

/// <summary>What a rule says about itself: everything an alert carries besides the evidence.</summary>
public sealed record RuleMetadata(
    string Id,
    string Title,
    string Description,
    Severity Severity,
    string Tactic,
    string Technique,
    RuleSource Source,
    IReadOnlyList<string> Tags,
    bool Enabled,
    SourceLocation Location);
